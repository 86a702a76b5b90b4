package io.jenkins.plugins.securedeploy.engine.sign.x509;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.RedactedCause;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A certificate chain (PEM, leaf first) to a supplied root: PKIX path validation (signatures, names, basic
 * constraints, validity of every certificate at the verifier's clock time) against the trust material's roots, and
 * the leaf must be a code-signing certificate (extended key usage codeSigning, key usage digitalSignature where the
 * extension is present). Revocation is not checked (offline; no CRL or OCSP fetch). A chain binds no artifact, so
 * the strict policy (artifact required) refuses to call it verified: check chains with the "without artifact"
 * relaxation.
 */
public final class X509ChainVerifier implements Verifier {
    public static final String FAMILY = "x509";
    static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final String PEM = "-----BEGIN CERTIFICATE-----";

    private final Clock clock;

    public X509ChainVerifier() {
        this(Clock.systemUTC());
    }

    /** With the clock whose time every certificate must be valid at. */
    public X509ChainVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean recognizes(EvidenceFile evidence) {
        String head = new String(evidence.content(), 0, Math.min(evidence.content().length, 128),
                StandardCharsets.US_ASCII).stripLeading();
        return head.startsWith(PEM);
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        return Verifications.guarded(FAMILY, request, this::check);
    }

    private VerificationResult check(VerificationRequest r) {
        if (r.trust().roots().isEmpty()) {
            return Verifications.error(FAMILY, r, "trust.missing", "no root certificate was given to validate the "
                    + "chain against");
        }
        if (r.policy().rejectUnknownFields() && !onlyPemBlocks(r.evidence().content())) {
            return Verifications.error(FAMILY, r, "x509.trailing-data", "the chain file holds text outside its "
                    + "PEM certificate blocks (strict policy refuses it)");
        }
        List<X509Certificate> chain = certificates(r.evidence());
        Set<TrustAnchor> anchors = new HashSet<>();
        for (EvidenceFile root : r.trust().roots()) {
            certificates(root).forEach(c -> anchors.add(new TrustAnchor(c, null)));
        }
        if (r.policy().requireArtifact()) {
            return Verifications.error(FAMILY, r, "x509.unbound", "a certificate chain binds no artifact, and the "
                    + "policy requires one; validate chains with the 'without artifact' relaxation");
        }
        X509Certificate leaf = chain.get(0);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPath path = cf.generateCertPath(chain.stream().filter(c -> !isAnchor(c, anchors)).toList());
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (CertPathValidatorException e) {
            String why = e.getReason() == null ? "invalid" : e.getReason().toString().toLowerCase(java.util.Locale.ROOT);
            int index = e.getIndex();
            return VerificationResult.failed(FAMILY, r.describe(), List.of(Problem.of("x509.path",
                    "the chain does not validate to a supplied root: " + why.replace('_', ' ')
                            + (index >= 0 ? " at certificate " + index : "") + " (checked at " + clock.instant() + ")",
                    Location.ofFile(r.evidence().name()))));
        } catch (GeneralSecurityException e) {
            return Verifications.error(FAMILY, r, "x509.unusable", "the chain cannot be validated ("
                    + e.getClass().getSimpleName() + ")");
        }
        String usage = usageProblem(leaf);
        if (usage != null) {
            return Verifications.failed(FAMILY, r, "x509.usage", usage);
        }
        return VerificationResult.verified(FAMILY, r.describe(), List.of(leaf.getSubjectX500Principal().getName()),
                null, null, r.policy().relaxations());
    }

    static boolean onlyPemBlocks(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String end = "-----END CERTIFICATE-----";
        int pos = 0;
        while (true) {
            int begin = text.indexOf(PEM, pos);
            if (begin < 0) {
                return text.substring(pos).isBlank();
            }
            int stop = text.indexOf(end, begin);
            if (stop < 0 || !text.substring(pos, begin).isBlank()) {
                return false;
            }
            pos = stop + end.length();
        }
    }

    private static boolean isAnchor(X509Certificate c, Set<TrustAnchor> anchors) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().equals(c));
    }

    static String usageProblem(X509Certificate leaf) {
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !ku[0]) {
            return "the leaf certificate's key usage lacks digitalSignature";
        }
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku == null || !eku.contains(CODE_SIGNING)) {
                return "the leaf certificate is not a code-signing certificate (extended key usage codeSigning)";
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "the leaf certificate's extended key usage cannot be read";
        }
        return null;
    }

    private static List<X509Certificate> certificates(EvidenceFile file) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(file.content()))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new InvalidInputException(Problem.of("x509.empty", "holds no certificate",
                        Location.ofFile(file.name())));
            }
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException(Problem.of("x509.unreadable", "is not a readable PEM certificate chain",
                    Location.ofFile(file.name())), RedactedCause.of(e, "(certificate parser message redacted)"));
        }
    }
}
