package io.jenkins.plugins.securedeploy.engine.sign.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Peers;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.cosign.CosignBlobVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.sign.keys.TrustedKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Blob signatures both ways with OpenSSL 3: ours verify with openssl, openssl's (and its keys) work with ours. */
class OpensslInteropITest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EC P-256,-pkeyopt ec_paramgen_curve:P-256,dgst -sha256",
        "EC P-384,-pkeyopt ec_paramgen_curve:P-384,dgst -sha384",
        "RSA,-pkeyopt rsa_keygen_bits:3072,pss",
        "ED25519,,raw"})
    void shouldSignBlobsThatOpensslVerifiesAndVerifyOpensslSignatures(String algorithm, String options, String mode)
            throws Exception {
        String alg = algorithm.split(" ")[0];
        String[] gen = options == null ? new String[] {"openssl", "genpkey", "-algorithm", alg, "-out", "key.pem"}
                : new String[] {"openssl", "genpkey", "-algorithm", alg, options.split(" ")[0], options.split(" ")[1],
                    "-out", "key.pem"};
        Peers.ok(dir, gen);
        Peers.ok(dir, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        Path blob = Files.write(dir.resolve("blob.bin"), "a blob for openssl\n".getBytes(StandardCharsets.UTF_8));
        KeySigner signer = PemKeys.signer(SecretValue.of(Files.readString(dir.resolve("key.pem"))), Optional.empty(),
                "key.pem");
        Files.write(dir.resolve("ours.sig"), signer.sign(Files.readAllBytes(blob)));
        assertThat(opensslVerify(mode, "ours.sig", "blob.bin")).contains("Verified OK");

        Files.write(dir.resolve("changed.bin"), "a blob for openssl!\n".getBytes(StandardCharsets.UTF_8));
        assertThat(opensslVerify(mode, "ours.sig", "changed.bin")).doesNotContain("Verified OK");

        opensslSign(mode);
        TrustedKey key = PemKeys.publicKeys(new EvidenceFile("pub.pem", Files.readAllBytes(dir.resolve("pub.pem"))))
                .get(0);
        byte[] theirs = Files.readAllBytes(dir.resolve("theirs.sig"));
        assertThat(key.keyId()).isEqualTo(signer.keyId());
        assertThat(key.verify(Files.readAllBytes(blob), theirs)).isTrue();
        assertThat(key.verify(Files.readAllBytes(dir.resolve("changed.bin")), theirs)).isFalse();
    }

    @Test
    void shouldVerifyOpensslEcdsaBlobSignaturesAsCosignDoes() throws Exception {
        Peers.ok(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "k.pem");
        Peers.ok(dir, "openssl", "pkey", "-in", "k.pem", "-pubout", "-out", "pub.pem");
        Path blob = Files.write(dir.resolve("blob.bin"), new byte[] {1, 2, 3});
        Peers.ok(dir, "openssl", "dgst", "-sha256", "-sign", "k.pem", "-out", "blob.der", "blob.bin");
        byte[] sig = (Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("blob.der"))) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        TrustMaterial trust = TrustMaterial.ofPublicKeys(new EvidenceFile("pub.pem",
                Files.readAllBytes(dir.resolve("pub.pem"))));
        VerificationResult ok = new CosignBlobVerifier().verify(VerificationRequest.of(new EvidenceFile("blob.sig", sig),
                ArtifactSource.of(blob, "blob.bin"), trust, VerificationPolicy.STRICT));
        assertThat(ok.isVerified()).as(ok.headline()).isTrue();
        VerificationResult changed = new CosignBlobVerifier().verify(VerificationRequest.of(new EvidenceFile("blob.sig",
                sig), ArtifactSource.of(new byte[] {1, 2, 4}, "blob.bin"), trust, VerificationPolicy.STRICT));
        assertThat(changed.status()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void shouldLoadOpensslEncryptedPkcs8Keys() throws Exception {
        Peers.ok(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "k.pem");
        Peers.ok(dir, "openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "k.pem", "-passout",
                "pass:s3cret-pass", "-out", "enc.pem");
        Peers.ok(dir, "openssl", "pkey", "-in", "k.pem", "-pubout", "-out", "pub.pem");
        KeySigner s = PemKeys.signer(SecretValue.of(Files.readString(dir.resolve("enc.pem"))),
                Optional.of(SecretValue.of("s3cret-pass")), "enc.pem");
        assertThat(Files.readString(dir.resolve("enc.pem"))).contains("ENCRYPTED PRIVATE KEY");
        assertThat(s.keyId()).isEqualTo(PemKeys.publicKeys(new EvidenceFile("pub.pem",
                Files.readAllBytes(dir.resolve("pub.pem")))).get(0).keyId());
        Files.write(dir.resolve("m"), new byte[] {7});
        Files.write(dir.resolve("m.sig"), s.sign(new byte[] {7}));
        assertThat(Peers.ok(dir, "openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "m.sig", "m"))
                .contains("Verified OK");
    }

    private String opensslVerify(String mode, String sig, String file) throws Exception {
        List<String> cmd = switch (mode) {
            case "pss" -> List.of("openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                    "rsa_pss_saltlen:32", "-verify", "pub.pem", "-signature", sig, file);
            case "raw" -> List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", file,
                    "-sigfile", sig);
            default -> List.of("openssl", mode.split(" ")[0], mode.split(" ")[1], "-verify", "pub.pem", "-signature",
                    sig, file);
        };
        String out = Peers.run(dir, java.util.Map.of(), cmd).output();
        return out.contains("Signature Verified Successfully") ? "Verified OK" : out;
    }

    private void opensslSign(String mode) throws Exception {
        switch (mode) {
            case "pss" -> Peers.ok(dir, "openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                    "rsa_pss_saltlen:32", "-sign", "key.pem", "-out", "theirs.sig", "blob.bin");
            case "raw" -> Peers.ok(dir, "openssl", "pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "blob.bin",
                    "-out", "theirs.sig");
            default -> Peers.ok(dir, "openssl", mode.split(" ")[0], mode.split(" ")[1], "-sign", "key.pem", "-out",
                    "theirs.sig", "blob.bin");
        }
    }
}
