package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run in a forked JVM with a small {@code -Xmx} by {@link SubjectStreamingITest}: verifies a DSSE envelope whose
 * subject is a multi-GB file and prints the result. An OutOfMemoryError proves the verifier buffers the artifact.
 */
public final class SubjectStreamingProbe {
    static final String PREFIX = "STREAMING-RESULT ";

    private SubjectStreamingProbe() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String sha256 = args[1];
        Statement s = Statement.of(List.of(new Subject("big.bin", Map.of("sha256", sha256))), SignFixtures.PREDICATE,
                Map.of());
        byte[] envelope = new Attestor().attestJson(s, List.of(SignFixtures.signer()));
        VerificationResult r = new DsseVerifier().verify(VerificationRequest.of(new EvidenceFile("big.intoto.json",
                envelope), ArtifactSource.of(file, "big.bin"), SignFixtures.trustedKey(), VerificationPolicy.STRICT));
        System.out.println(PREFIX + r.status() + " maxHeap=" + Runtime.getRuntime().maxMemory() + " " + r.headline());
        System.out.flush();
    }
}
