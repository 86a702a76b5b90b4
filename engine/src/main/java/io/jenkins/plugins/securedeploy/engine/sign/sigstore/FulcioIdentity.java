package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTF8String;

/**
 * The identity a Fulcio certificate vouches for: the SAN (e-mail or URI) and the OIDC issuer, read from extension
 * 1.3.6.1.4.1.57264.1.8 (a DER UTF8String) or the legacy 1.3.6.1.4.1.57264.1.1 (raw bytes). When both are present
 * they must agree. {@link #read} also checks the certificate is for code signing.
 */
record FulcioIdentity(String san, String issuer) {
    static final String OID_ISSUER_LEGACY = "1.3.6.1.4.1.57264.1.1";
    static final String OID_ISSUER = "1.3.6.1.4.1.57264.1.8";
    static final String EKU_CODE_SIGNING = "1.3.6.1.5.5.7.3.3";

    /** {@code san from issuer}, the form reports show (and {@link io.jenkins.plugins.securedeploy.engine.sign.IdentityRule#describe}). */
    String describe() {
        return san + " from " + issuer;
    }

    /** Either the identity or what is wrong with the certificate as a Fulcio signing certificate. */
    record Read(Optional<FulcioIdentity> identity, List<String> problems) {}

    static Read read(X509Certificate leaf) {
        List<String> problems = new java.util.ArrayList<>();
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku == null || !eku.contains(EKU_CODE_SIGNING)) {
                problems.add("the certificate is not for code signing (extended key usage 1.3.6.1.5.5.7.3.3 missing)");
            }
        } catch (CertificateParsingException e) {
            problems.add("the certificate's extended key usage does not decode");
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0]) {
            problems.add("the certificate's key usage does not allow digital signatures");
        }
        String san = san(leaf);
        if (san == null) {
            problems.add("the certificate has no e-mail or URI subject alternative name");
        }
        String legacy = legacyIssuer(leaf);
        String current = issuer(leaf);
        if (legacy != null && current != null && !legacy.equals(current)) {
            problems.add("the certificate's two OIDC issuer extensions disagree");
        }
        String issuer = current != null ? current : legacy;
        if (issuer == null) {
            problems.add("the certificate has no OIDC issuer extension (1.3.6.1.4.1.57264.1.8 or .1.1)");
        }
        return problems.isEmpty() ? new Read(Optional.of(new FulcioIdentity(san, issuer)), List.of())
                : new Read(Optional.empty(), List.copyOf(problems));
    }

    private static String san(X509Certificate leaf) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names == null) {
                return null;
            }
            for (List<?> name : names) {
                int type = (Integer) name.get(0);
                if ((type == 1 || type == 6) && name.get(1) instanceof String value) {
                    return value;
                }
            }
            return null;
        } catch (CertificateParsingException e) {
            return null;
        }
    }

    private static byte[] extension(X509Certificate leaf, String oid) {
        byte[] wrapped = leaf.getExtensionValue(oid);
        return wrapped == null ? null : ASN1OctetString.getInstance(wrapped).getOctets();
    }

    private static String legacyIssuer(X509Certificate leaf) {
        byte[] raw = extension(leaf, OID_ISSUER_LEGACY);
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    private static String issuer(X509Certificate leaf) {
        byte[] raw = extension(leaf, OID_ISSUER);
        if (raw == null) {
            return null;
        }
        try {
            return ASN1UTF8String.getInstance(ASN1Primitive.fromByteArray(raw)).getString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
