package io.jenkins.plugins.securedeploy.engine.sign.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The fixed-window table multiplies exactly as Bouncy Castle's generic prime-field curve with its default wNAF
 * multiplier does (other field arithmetic, other algorithm), over random scalars and
 * the edges of the range (1, 2, n-1, n-2, scalars whose every 6-bit window is 0 or 63, powers of two), and refuses
 * another point.
 */
class P256FixedBaseTest {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final BigInteger N = P256.getN();
    private static final P256FixedBase TABLE = new P256FixedBase(P256.getG(), N);

    @Test
    void shouldMultiplyTheBasePointAsTheReferenceDoes() {
        Random random = new Random(256);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(63),
                BigInteger.valueOf(64), BigInteger.valueOf(65), N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO),
                BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)));
        BigInteger allOnes = BigInteger.ZERO;
        for (int i = 0; i < 42; i++) {
            allOnes = allOnes.shiftLeft(6).or(BigInteger.valueOf(63));
        }
        scalars.add(allOnes.mod(N));
        for (int i = 0; i < 256; i += 17) {
            scalars.add(BigInteger.ONE.shiftLeft(i));
        }
        for (int i = 0; i < 100; i++) {
            scalars.add(new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        }
        ECPoint genericG = SECNamedCurves.getByName("secp256r1").getG();
        for (BigInteger k : scalars) {
            ECPoint expected = genericG.multiply(k).normalize();
            ECPoint ours = TABLE.multiply(P256.getG(), k).normalize();
            assertThat(ours.getAffineXCoord().toBigInteger()).as("x of k = %s", k.toString(16))
                    .isEqualTo(expected.getAffineXCoord().toBigInteger());
            assertThat(ours.getAffineYCoord().toBigInteger()).as("y of k = %s", k.toString(16))
                    .isEqualTo(expected.getAffineYCoord().toBigInteger());
        }
    }

    @Test
    void shouldRefuseAnotherPointAndScalarsOutOfRange() {
        ECPoint other = P256.getG().twice().normalize();
        assertThatThrownBy(() -> TABLE.multiply(other, BigInteger.TEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base point only");
        assertThatThrownBy(() -> TABLE.multiply(P256.getG(), BigInteger.ONE.shiftLeft(258)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
