package io.jenkins.plugins.securedeploy.engine.sign.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Peers;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our DSSE in-toto envelopes verify with securesystemslib 0.26 (Debian in-toto's crypto layer, run by
 * /usr/bin/python3), and envelopes it signs verify with ours; a changed payload fails on both sides.
 */
class InTotoInteropITest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa", "rsa"})
    void shouldInteroperateWithSecuresystemslibBothWays(String scheme) throws Exception {
        Path script = dir.resolve("intoto_dsse.py");
        Files.write(script, SignFixtures.resource("interop/intoto_dsse.py"));
        KeyPairGenerator g = KeyPairGenerator.getInstance(scheme.equals("ecdsa") ? "EC" : "RSA");
        if (scheme.equals("ecdsa")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(3072);
        }
        KeyPair kp = g.generateKeyPair();
        KeySigner signer = PemKeys.signer(SecretValue.of(pem("PRIVATE KEY", kp.getPrivate().getEncoded())),
                Optional.empty(), "key");
        Files.writeString(dir.resolve("ours.pub"), signer.publicKeyPem());
        byte[] ours = new Attestor().attestJson(SignFixtures.statement(SignFixtures.ARTIFACT), List.of(signer));
        Files.write(dir.resolve("ours.json"), ours);
        assertThat(python("verify", "ours.json", "ours.pub", scheme)).isEqualTo("VERIFIED");
        String tampered = new String(ours, StandardCharsets.UTF_8).replace("\"payload\":\"ey", "\"payload\":\"ez");
        Files.writeString(dir.resolve("tampered.json"), tampered);
        assertThat(python("verify", "tampered.json", "ours.pub", scheme)).isEqualTo("FAILED");

        Files.write(dir.resolve("statement.json"), SignFixtures.statement(SignFixtures.ARTIFACT).toCanonicalJson());
        python("sign", "statement.json", scheme, "theirs.json", "theirs.pub");
        TrustMaterial trust = TrustMaterial.ofPublicKeys(new EvidenceFile("theirs.pub",
                Files.readAllBytes(dir.resolve("theirs.pub"))));
        EvidenceFile theirs = new EvidenceFile("theirs.json", Files.readAllBytes(dir.resolve("theirs.json")));
        VerificationResult ok = new DsseVerifier().verify(VerificationRequest.of(theirs, SignFixtures.artifact(), trust,
                VerificationPolicy.STRICT.withExpectedPredicateType(SignFixtures.PREDICATE)));
        assertThat(ok.isVerified()).as(ok.headline()).isTrue();
        VerificationResult wrong = new DsseVerifier().verify(VerificationRequest.of(theirs, SignFixtures.artifact(),
                TrustMaterial.ofPublicKeys(new EvidenceFile("ours.pub", Files.readAllBytes(dir.resolve("ours.pub")))),
                VerificationPolicy.STRICT));
        assertThat(wrong.status()).isEqualTo(VerificationStatus.FAILED);
    }

    private String python(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", "intoto_dsse.py"));
        cmd.addAll(List.of(args));
        Peers.Run r = Peers.run(dir, java.util.Map.of(), cmd);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().trim();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
