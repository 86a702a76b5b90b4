package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The building blocks on their own: Merkle paths, signed notes, keys, statements, strict reading. */
class SigstorePartsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCheckMerkleAuditPathsLikeRfc6962() {
        byte[] a = utf8("a");
        byte[] b = utf8("b");
        byte[] la = Hashing.sha256(concat(new byte[] {0}, a)).bytes();
        byte[] lb = Hashing.sha256(concat(new byte[] {0}, b)).bytes();
        byte[] root = Hashing.sha256(concat(new byte[] {1}, concat(la, lb))).bytes();
        assertThat(MerkleProof.check(a, 0, 2, List.of(lb), root)).isEmpty();
        assertThat(MerkleProof.check(b, 1, 2, List.of(la), root)).isEmpty();
        assertThat(MerkleProof.check(a, 1, 2, List.of(lb), root)).isPresent();
        assertThat(MerkleProof.check(a, 2, 2, List.of(lb), root)).hasValueSatisfying(m -> assertThat(m).contains("outside"));
        assertThat(MerkleProof.check(a, 0, 2, List.of(), root)).hasValueSatisfying(m -> assertThat(m).contains("needs 1"));
        assertThat(MerkleProof.check(a, 0, 1, List.of(), la)).isEmpty();
    }

    @Test
    void shouldRefuseMalformedCheckpoints() {
        assertThatThrownBy(() -> Checkpoint.parse("origin\n1\nAAAA\n")).hasMessageContaining("blank line");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n1\n\n\u2014 o AAAAAAAA\n")).hasMessageContaining("fewer than 3");
        assertThatThrownBy(() -> Checkpoint.parse("origin\nx\nAAAA\n\n\u2014 o AAAAAAAA\n")).hasMessageContaining("decode");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n1\nAAAA\n\nno signature\n")).hasMessageContaining("no signature");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n1\nAAAA\n\n\u2014 o AAA=\n")).hasMessageContaining("too short");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n1\nAAAA\n\n\u2014 o !!!!\n")).hasMessageContaining("not base64");
        Checkpoint ok = Checkpoint.parse("origin\n5\nAAAA\nextra\n\n\u2014 o AAAAAAAA\n");
        assertThat(ok.treeSize()).isEqualTo(5);
        assertThat(ok.note()).isEqualTo("origin\n5\nAAAA\nextra\n");
    }

    @Test
    void shouldVerifyEd25519AndRsaSignatures() throws Exception {
        for (String alg : List.of("Ed25519", "RSA")) {
            KeyPair kp = KeyPairGenerator.getInstance(alg).generateKeyPair();
            Signature s = Signature.getInstance(alg.equals("RSA") ? "SHA256withRSA" : "Ed25519");
            s.initSign(kp.getPrivate());
            s.update(utf8("note"));
            byte[] sig = s.sign();
            assertThat(Signatures.verify(kp.getPublic(), utf8("note"), sig)).isTrue();
            assertThat(Signatures.verify(kp.getPublic(), utf8("other"), sig)).isFalse();
            assertThat(KeyMaterial.publicKey(kp.getPublic().getEncoded(), null)).isEqualTo(kp.getPublic());
            assertThat(Signatures.supportsPrehashed(kp.getPublic())).isEqualTo(alg.equals("RSA"));
            if (alg.equals("RSA")) {
                byte[] digest = Hashing.sha256(utf8("note")).bytes();
                assertThat(Signatures.verifyPrehashed(kp.getPublic(), "SHA-256", digest, sig)).isTrue();
                org.bouncycastle.asn1.pkcs.RSAPublicKey pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(
                        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded())
                                .parsePublicKey());
                assertThat(KeyMaterial.publicKey(pkcs1.getEncoded(), "PKCS1_RSA_PKCS1V5")).isEqualTo(kp.getPublic());
            } else {
                assertThat(Signatures.verifyPrehashed(kp.getPublic(), "SHA-256", new byte[32], sig)).isFalse();
            }
        }
        assertThatThrownBy(() -> KeyMaterial.publicKey(new byte[] {1, 2}, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyMaterial.publicKey(new byte[] {1, 2}, "PKCS1_RSA_PKCS1V5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyMaterial.certificate(new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyMaterial.pem(utf8("nothing"))).hasMessageContaining("no PEM block");
    }

    @Test
    void shouldReadStatementsStrictly() {
        StatementReader.Statement st = StatementReader.read(utf8("{\"_type\":\"https://in-toto.io/Statement/v1\","
                + "\"subject\":[{\"name\":\"a\",\"digest\":{\"gitCommit\":\"abc\",\"sha256\":\"" + "0".repeat(64)
                + "\"}},{\"digest\":{\"gce_image_id\":\"1\"}}],\"predicateType\":\"p\"}"), "s.json");
        assertThat(st.predicateType()).isEqualTo("p");
        assertThat(st.subjects()).hasSize(2);
        assertThat(st.subjects().get(0).digests()).isPresent();
        assertThat(st.subjects().get(1).digests()).isEmpty();
        assertThatThrownBy(() -> StatementReader.read(utf8("{\"_type\":\"link\"}"), "s.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/_type");
        assertThatThrownBy(() -> StatementReader.read(utf8("{\"_type\":\"https://in-toto.io/Statement/v1\","
                + "\"subject\":[{\"digest\":{\"sha256\":\"xyz\"}}],\"predicateType\":\"p\"}"), "s.json"))
                .hasMessageContaining("/subject/0/digest/sha256");
    }

    @Test
    void shouldLocateMalformedBundleFields() {
        String v3 = "application/vnd.dev.sigstore.bundle.v0.3+json";
        assertThat(readError("{\"mediaType\":\"" + v3 + "\"}")).contains("/verificationMaterial");
        assertThat(readError("{\"mediaType\":\"" + v3 + "\",\"verificationMaterial\":{}}")).contains("exactly one of");
        assertThat(readError("{\"mediaType\":\"" + v3 + "\",\"verificationMaterial\":{\"certificate\":{\"rawBytes\":"
                + "\"!!\"}}}")).contains("/verificationMaterial/certificate/rawBytes").contains("base64");
        assertThat(readError("{\"mediaType\":\"" + v3 + "\",\"verificationMaterial\":{\"x509CertificateChain\":{}}}"))
                .contains("not x509CertificateChain");
        String v1 = "application/vnd.dev.sigstore.bundle+json;version=0.1";
        assertThat(readError("{\"mediaType\":\"" + v1 + "\",\"verificationMaterial\":{\"certificate\":{\"rawBytes\":"
                + "\"AA==\"}}}")).contains("needs bundle v0.3");
        assertThat(readError("{\"mediaType\":\"" + v1 + "\",\"verificationMaterial\":{\"publicKey\":{}}}"))
                .contains("no content");
        assertThat(readError("{\"mediaType\":\"" + v1 + "\",\"verificationMaterial\":{\"publicKey\":{},"
                + "\"tlogEntries\":[{\"logIndex\":\"x\"}]}}")).contains("/tlogEntries/0/logId");
        assertThat(readError("{\"mediaType\":\"" + v1 + "\",\"verificationMaterial\":{\"publicKey\":{}},"
                + "\"dsseEnvelope\":{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[]}}"))
                .contains("exactly one signature");
        assertThat(readError("{\"mediaType\":\"" + v1 + "\",\"verificationMaterial\":{\"publicKey\":{}},"
                + "\"dsseEnvelope\":{},\"messageSignature\":{}}")).contains("not both");
    }

    private static String readError(String json) {
        try {
            BundleReader.read(new EvidenceFile("b.json", utf8(json)), true);
            return "no error";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
