package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying 1,000 DSSE in-toto envelopes (ECDSA P-256) end to end through {@link DsseVerifier} — JSON and base64
 * reading, PEM key parsing, PAE, signature, statement parsing and the subject digest of a small artifact, strict
 * policy — against raw JCA {@code Signature.verify} of the same 1,000 PAE/signature pairs with an already-parsed key.
 * One op = 1,000 envelopes; target: the verifier path under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DsseVerifyBenchmark {
    static final int ENVELOPES = 1000;

    private final List<EvidenceFile> envelopes = new ArrayList<>();
    private final List<byte[]> paes = new ArrayList<>();
    private final List<byte[]> signatures = new ArrayList<>();
    private PublicKey publicKey;
    private TrustMaterial trust;
    private ArtifactSource artifact;
    private final DsseVerifier verifier = new DsseVerifier();

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        KeySigner signer = PemKeys.signer(SecretValue.of("-----BEGIN " + "PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n"),
                Optional.empty(), "bench");
        publicKey = kp.getPublic();
        trust = TrustMaterial.ofPublicKeys(new EvidenceFile("bench.pub", signer.publicKeyPem()
                .getBytes(StandardCharsets.US_ASCII)));
        byte[] content = "benchmark artifact".getBytes(StandardCharsets.UTF_8);
        artifact = ArtifactSource.of(content, "artifact.bin");
        Attestor attestor = new Attestor();
        for (int i = 0; i < ENVELOPES; i++) {
            Statement s = Statement.of(List.of(Subject.of("artifact.bin", Hashing.bytes(content))),
                    "https://slsa.dev/provenance/v1", Map.of("run", i));
            DsseEnvelope e = attestor.attest(s, List.of(signer));
            envelopes.add(new EvidenceFile("e" + i + ".json", new io.jenkins.plugins.securedeploy.engine.sign
                    .DsseEnvelopeWriter().write(e)));
            paes.add(e.pae());
            signatures.add(e.signatures().get(0).sig());
        }
    }

    @Benchmark
    public int baselineJcaVerify() throws GeneralSecurityException {
        int ok = 0;
        for (int i = 0; i < ENVELOPES; i++) {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(publicKey);
            s.update(paes.get(i));
            ok += s.verify(signatures.get(i)) ? 1 : 0;
        }
        if (ok != ENVELOPES) {
            throw new IllegalStateException("baseline verified " + ok);
        }
        return ok;
    }

    @Benchmark
    public int verifyEnvelopes() {
        int ok = 0;
        for (EvidenceFile e : envelopes) {
            ok += verifier.verify(VerificationRequest.of(e, artifact, trust, VerificationPolicy.STRICT)).isVerified()
                    ? 1 : 0;
        }
        if (ok != ENVELOPES) {
            throw new IllegalStateException("verifier verified " + ok);
        }
        return ok;
    }
}
