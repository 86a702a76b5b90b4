package io.jenkins.plugins.securedeploy.engine.sign.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * The fast ES256 signer signs exactly what the reference does: the RFC 6979 P-256/SHA-256 vector byte for byte,
 * the same bytes as Bouncy Castle's stock ECDSA (generic curve parameters, default multiplier) for random keys and
 * messages, and every signature verifies with the JDK's own SunEC and with nimbus' verifier.
 */
class Es256JwsSignerTest {
    private static final byte[] SAMPLE = "sample".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldReproduceTheRfc6979P256Sha256Vector() throws Exception {
        Es256JwsSigner signer = Es256JwsSigner.of(p256(KeySignerDeterminismTest.X));
        byte[] sig = signer.signRaw(SAMPLE);
        assertThat(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32))).isEqualTo(KeySignerDeterminismTest.R);
        assertThat(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))).isEqualTo(KeySignerDeterminismTest.S);
    }

    @Test
    void shouldSignTheSameBytesAsStockBouncyCastleAndVerifyWithTheJdk() throws Exception {
        Random random = new Random(6979);
        for (int i = 0; i < 50; i++) {
            ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();
            Es256JwsSigner signer = Es256JwsSigner.of(jwk);
            byte[] message = new byte[random.nextInt(2000)];
            random.nextBytes(message);
            byte[] ours = signer.signRaw(message);
            assertThat(ours).hasSize(64).isEqualTo(reference(jwk.toECPrivateKey(), message));
            Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            jdk.initVerify(jwk.toECPublicKey());
            jdk.update(message);
            assertThat(jdk.verify(ours)).as("SunEC verifies signature %d", i).isTrue();
            message[0 % Math.max(1, message.length)] ^= 1;
            jdk.initVerify(jwk.toECPublicKey());
            jdk.update(message);
            assertThat(message.length == 0 || !jdk.verify(ours)).as("a changed byte fails").isTrue();
        }
    }

    @Test
    void shouldMakeJwsObjectsNimbusVerifies() throws Exception {
        ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                new Payload("{\"sub\":\"job:app\"}"));
        jws.sign(Es256JwsSigner.of(jwk));
        assertThat(JWSObject.parse(jws.serialize()).verify(new ECDSAVerifier(jwk.toPublicJWK()))).isTrue();
        JWSObject again = new JWSObject(jws.getHeader(), jws.getPayload());
        again.sign(Es256JwsSigner.of(jwk));
        assertThat(again.serialize()).as("deterministic: the same input signs to the same token")
                .isEqualTo(jws.serialize());
    }

    @Test
    void shouldSignConcurrentlyToTheSameBytes() throws Exception {
        Es256JwsSigner signer = Es256JwsSigner.of(p256(KeySignerDeterminismTest.X));
        byte[] expected = signer.signRaw(SAMPLE);
        List<byte[]> all = IntStream.range(0, 200).parallel().mapToObj(i -> signer.signRaw(SAMPLE)).toList();
        assertThat(all).allSatisfy(s -> assertThat(s).isEqualTo(expected));
    }

    @Test
    void shouldRefuseOtherCurvesPublicKeysAndOtherAlgorithms() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> Es256JwsSigner.of(p384)).isInstanceOf(JOSEException.class).hasMessageContaining("P-256");
        assertThatThrownBy(() -> Es256JwsSigner.of(p384.toECPrivateKey())).isInstanceOf(JOSEException.class)
                .hasMessageContaining("another curve");
        ECKey p256 = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> Es256JwsSigner.of(p256.toPublicJWK())).isInstanceOf(JOSEException.class)
                .hasMessageContaining("public only");
        Es256JwsSigner signer = Es256JwsSigner.of(p256);
        assertThatThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.ES384), SAMPLE))
                .isInstanceOf(JOSEException.class).hasMessageContaining("ES256 only");
        assertThat(signer.supportedJWSAlgorithms()).containsExactly(JWSAlgorithm.ES256);
        assertThat(signer.toString()).doesNotContain(p256.getD().toString());
    }

    /** Bouncy Castle's stock deterministic ECDSA over the key as PKCS#8 would give it (generic curve parameters). */
    private static byte[] reference(ECPrivateKey key, byte[] message) throws Exception {
        SHA256Digest sha = new SHA256Digest();
        sha.update(message, 0, message.length);
        byte[] hash = new byte[32];
        sha.doFinal(hash, 0);
        ECDSASigner stock = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        stock.init(true, (ECPrivateKeyParameters) PrivateKeyFactory.createKey(key.getEncoded()));
        BigInteger[] rs = stock.generateSignature(hash);
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
        return out;
    }

    private static ECPrivateKey p256(BigInteger d) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(d, params.getParameterSpec(ECParameterSpec.class)));
    }
}
