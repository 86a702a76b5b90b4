package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * RFC 3161 signed timestamps (Bouncy Castle TSP), checked against the trusted root's timestamp authorities: the
 * token's message imprint must be the digest of the timestamped bytes (a bundle's signature), the token must be signed
 * by an authority's leaf (taken from the trusted root; certificates embedded in the token are never trusted), that
 * leaf must chain to the authority's root at the timestamp's time, and the time must lie in the authority's validity.
 * Accepts a DER TimeStampResp (as sigstore bundles and {@code .tsr} files hold) or a bare TimeStampToken.
 */
final class Rfc3161Check {
    /** The verified time, or why the timestamp does not count. */
    record Outcome(Optional<Instant> time, Optional<String> problem) {
        static Outcome failed(String why) {
            return new Outcome(Optional.empty(), Optional.of(why));
        }
    }

    private Rfc3161Check() {}

    static Outcome check(byte[] encoded, byte[] timestamped, List<TrustedRoot.Authority> authorities) {
        TimeStampToken token;
        try {
            token = token(encoded);
        } catch (IOException | RuntimeException | org.bouncycastle.tsp.TSPException
                | org.bouncycastle.cms.CMSException e) {
            return Outcome.failed("the timestamp is not a DER RFC 3161 response or token");
        }
        if (token == null) {
            return Outcome.failed("the timestamp response carries no token (the authority refused)");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        Optional<DigestAlgorithm> alg = NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())
                ? Optional.of(DigestAlgorithm.SHA256)
                : NISTObjectIdentifiers.id_sha512.equals(info.getMessageImprintAlgOID())
                        ? Optional.of(DigestAlgorithm.SHA512) : Optional.empty();
        if (alg.isEmpty()) {
            return Outcome.failed("the timestamp's message imprint uses an unsupported hash (sha256 and sha512 are)");
        }
        byte[] expected;
        try {
            expected = Hashing.stream(new ByteArrayInputStream(timestamped), Set.of(alg.get())).get(alg.get())
                    .orElseThrow().bytes();
        } catch (IOException e) {
            return Outcome.failed("the timestamped bytes cannot be hashed");
        }
        if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
            return Outcome.failed("the timestamp's message imprint is not the digest of the signature");
        }
        Instant time = info.getGenTime().toInstant();
        if (authorities.isEmpty()) {
            return Outcome.failed("the trusted root lists no timestamp authority");
        }
        for (TrustedRoot.Authority tsa : authorities) {
            X509Certificate leaf = tsa.chain().get(0);
            if (signedBy(token, leaf) && tsa.validFor().contains(time)
                    && ChainValidator.validate(leaf, rest(tsa), time).isPresent()) {
                return new Outcome(Optional.of(time), Optional.empty());
            }
        }
        return Outcome.failed("the timestamp (" + time + ") is not signed by a timestamp authority of the trusted root"
                + " valid at that time");
    }

    private static TimeStampToken token(byte[] encoded) throws IOException, org.bouncycastle.tsp.TSPException,
            org.bouncycastle.cms.CMSException {
        try {
            return new TimeStampResponse(encoded).getTimeStampToken();
        } catch (IOException | RuntimeException | org.bouncycastle.tsp.TSPException notAResponse) {
            return new TimeStampToken(new CMSSignedData(encoded));
        }
    }

    private static boolean signedBy(TimeStampToken token, X509Certificate leaf) {
        try {
            if (!token.getSID().match(new JcaX509CertificateHolder(leaf))) {
                return false;
            }
            // checks the signature, the ESS signing-certificate binding, the critical timeStamping EKU and that the
            // certificate was valid at genTime
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(leaf));
            return true;
        } catch (org.bouncycastle.tsp.TSPException | org.bouncycastle.operator.OperatorCreationException
                | java.security.cert.CertificateEncodingException | RuntimeException e) {
            return false;
        }
    }

    /** The authority without its leaf, so the leaf is validated against the rest (root alone when 2 long). */
    private static TrustedRoot.Authority rest(TrustedRoot.Authority tsa) {
        List<X509Certificate> chain = tsa.chain();
        return chain.size() == 1 ? tsa : new TrustedRoot.Authority(tsa.uri(), chain.subList(1, chain.size()),
                tsa.validFor());
    }
}
