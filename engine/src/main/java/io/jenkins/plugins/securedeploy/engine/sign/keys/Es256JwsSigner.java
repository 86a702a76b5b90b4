package io.jenkins.plugins.securedeploy.engine.sign.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * A nimbus {@link JWSSigner} for ES256 (ECDSA P-256 / SHA-256, JOSE's 64-byte {@code R || S}) on Bouncy Castle's
 * ECDSA directly: P-256's own field arithmetic ({@code CustomNamedCurves}) and Bouncy Castle's constant-time fixed-point
 * comb for the base point, whose table is computed once per JVM, with no JCA provider lookup, key translation or DER
 * round trip per signature. JDK 17's SunEC signs P-256 at several times
 * the cost (docs/benchmarks.md, "OIDC token minting").
 *
 * <p>Nonces are deterministic (RFC 6979: HMAC-SHA-256 over the private key and the message digest), as
 * {@link KeySigner}'s: no random-number generator can weaken or repeat a nonce, and the same signing input signs to
 * the same bytes ({@code Es256JwsSignerTest} reproduces the RFC's P-256 test vector and checks every signature with
 * the JDK's own verifier). Thread-safe; the private key never prints.
 */
public final class Es256JwsSigner implements JWSSigner {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(),
            P256.getN(), P256.getH(), P256.getSeed());
    private static final int HALF = 32;

    private final ECPrivateKeyParameters key;
    private final JCAContext jcaContext = new JCAContext();

    private Es256JwsSigner(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("not a P-256 private key: the scalar is out of range");
        }
        this.key = new ECPrivateKeyParameters(d, DOMAIN);
    }

    /** A signer for a P-256 private JWK; anything else is refused. */
    public static Es256JwsSigner of(ECKey jwk) throws JOSEException {
        if (!Curve.P_256.equals(jwk.getCurve()) || !jwk.isPrivate()) {
            throw new JOSEException("ES256 needs a private P-256 key, not " + jwk.getCurve()
                    + (jwk.isPrivate() ? "" : " (public only)"));
        }
        return of(jwk.toECPrivateKey());
    }

    /** A signer for a P-256 private key; a key on another curve is refused. */
    public static Es256JwsSigner of(ECPrivateKey privateKey) throws JOSEException {
        if (!Curve.P_256.equals(Curve.forECParameterSpec(privateKey.getParams()))) {
            throw new JOSEException("ES256 needs a P-256 key; this key is on another curve");
        }
        return new Es256JwsSigner(privateKey.getS());
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("this signer signs ES256 only, not " + header.getAlgorithm());
        }
        return Base64URL.encode(signRaw(signingInput));
    }

    /** The JOSE signature ({@code R || S}, 32 bytes each, big-endian) of {@code input}. */
    byte[] signRaw(byte[] input) {
        SHA256Digest sha = new SHA256Digest();
        sha.update(input, 0, input.length);
        byte[] hash = new byte[sha.getDigestSize()];
        sha.doFinal(hash, 0);
        ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        ecdsa.init(true, key);
        BigInteger[] rs = ecdsa.generateSignature(hash);
        byte[] out = new byte[2 * HALF];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, HALF);
        BigIntegers.asUnsignedByteArray(rs[1], out, HALF, HALF);
        return out;
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    /** Unused: this signer needs no JCA provider (present because nimbus' interface asks for it). */
    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    @Override
    public String toString() {
        return "Es256JwsSigner[P-256]";
    }
}
