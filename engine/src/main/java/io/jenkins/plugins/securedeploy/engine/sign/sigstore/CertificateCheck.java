package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a keyless bundle's Fulcio certificate at every trusted signing time: inside its validity, chained to a
 * certificate authority of the trusted root that is valid then, for code signing, with an identity (SAN + OIDC
 * issuer) the policy allows (an empty allow-list allows none), and with at least one embedded SCT from a CT log of
 * the trusted root.
 */
final class CertificateCheck {
    private final Bundle bundle;
    private final TrustedRoot root;
    private final VerificationPolicy policy;
    private final Findings findings;

    CertificateCheck(Bundle bundle, TrustedRoot root, VerificationPolicy policy, Findings findings) {
        this.bundle = bundle;
        this.root = root;
        this.policy = policy;
        this.findings = findings;
    }

    /** The identity ({@code san from issuer}) when the certificate names one. */
    Optional<String> check(X509Certificate leaf, List<Instant> times) {
        Location at = bundle.at(bundle.material().certificatePointer());
        Optional<X509Certificate> issuer = Optional.empty();
        for (Instant t : times) {
            if (t.isBefore(leaf.getNotBefore().toInstant())) {
                findings.fail("certificate-not-yet-valid", "the certificate was not yet valid at the signing time " + t
                        + " (valid " + validity(leaf) + ")", at);
            } else if (t.isAfter(leaf.getNotAfter().toInstant())) {
                findings.fail("certificate-expired", "the certificate had expired at the signing time " + t
                        + " (valid " + validity(leaf) + ")", at);
            }
            Optional<List<X509Certificate>> path = root.certificateAuthorities().stream()
                    .filter(ca -> ca.validFor().contains(t))
                    .map(ca -> ChainValidator.validate(leaf, ca, t)).flatMap(Optional::stream).findFirst();
            if (path.isEmpty()) {
                findings.fail("certificate-chain", "the certificate does not chain to a certificate authority of the"
                        + " trusted root " + root.file() + " valid at the signing time " + t, at);
            } else {
                issuer = Optional.of(path.get().get(1));
            }
        }
        FulcioIdentity.Read read = FulcioIdentity.read(leaf);
        read.problems().forEach(p -> findings.fail("certificate", p, at));
        issuer.ifPresent(i -> sct(leaf, i, at));
        if (read.identity().isEmpty()) {
            return Optional.empty();
        }
        FulcioIdentity identity = read.identity().get();
        List<IdentityRule> allowed = policy.allowedIdentities();
        if (allowed.isEmpty()) {
            findings.fail("identity", "the policy allows no keyless identity (allowedIdentities is empty), so the"
                    + " certificate identity " + identity.describe() + " is refused", at);
        } else if (allowed.stream().noneMatch(r -> r.matches(identity.san(), identity.issuer()))) {
            findings.fail("identity", "the certificate identity " + identity.describe() + " is not allowed (allowed: "
                    + allowed.stream().map(IdentityRule::describe).collect(Collectors.joining("; ")) + ")", at);
        }
        return Optional.of(identity.describe());
    }

    private void sct(X509Certificate leaf, X509Certificate issuer, Location at) {
        SctCheck.Outcome scts = SctCheck.check(leaf, issuer, root);
        scts.problems().forEach(p -> findings.fail("sct", p, at));
        if (scts.verified() == 0 && scts.problems().isEmpty()) {
            findings.fail("sct", "no SCT of the certificate comes from a CT log of the trusted root", at);
        }
    }

    private static String validity(X509Certificate leaf) {
        return leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant();
    }
}
