package io.jenkins.plugins.securedeploy.engine.sign.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

/**
 * ECDSA signing is deterministic (RFC 6979), so signed evidence such as a bundle manifest is reproducible: the RFC's
 * own P-256/SHA-256 test vector ("sample", appendix A.2.5) is reproduced exactly, and JCA's independent verifier
 * accepts the signature.
 */
class KeySignerDeterminismTest {
    static final BigInteger X = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
    static final BigInteger R = new BigInteger("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", 16);
    static final BigInteger S = new BigInteger("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", 16);

    @Test
    void shouldReproduceTheRfc6979TestVector() throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        byte[] pkcs8 = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(X,
                params.getParameterSpec(ECParameterSpec.class))).getEncoded();
        KeySigner signer = PemKeys.signer(SecretValue.of(PemKeysTest.pem("PRIVATE KEY", pkcs8)), Optional.empty(),
                "rfc6979");
        byte[] message = "sample".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = signer.sign(message);
        ASN1Sequence seq = ASN1Sequence.getInstance(sig);
        assertThat(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue()).isEqualTo(R);
        assertThat(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()).isEqualTo(S);
        assertThat(signer.sign(new ByteArrayInputStream(message))).isEqualTo(sig);
        java.security.Signature jca = java.security.Signature.getInstance("SHA256withECDSA");
        jca.initVerify(signer.trustedKey().publicKey());
        jca.update(message);
        assertThat(jca.verify(sig)).isTrue();
    }

    @Test
    void shouldSignTheSameMessageToTheSameBytesOnP384() throws Exception {
        KeyPair kp = PemKeysTest.generate("p384");
        KeySigner signer = PemKeys.signer(SecretValue.of(PemKeysTest.pem("PRIVATE KEY", kp.getPrivate().getEncoded())),
                Optional.empty(), "key");
        byte[] m = "m".getBytes(StandardCharsets.US_ASCII);
        assertThat(signer.sign(m)).isEqualTo(signer.sign(m)).isNotEqualTo(signer.sign(new byte[] {1}));
        java.security.Signature jca = java.security.Signature.getInstance("SHA384withECDSA");
        jca.initVerify(kp.getPublic());
        jca.update(m);
        assertThat(jca.verify(signer.sign(m))).isTrue();
    }
}
