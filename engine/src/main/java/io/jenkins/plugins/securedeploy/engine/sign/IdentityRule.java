package io.jenkins.plugins.securedeploy.engine.sign;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One allowed keyless signer: a certificate identity (SAN: e-mail or URI) and the OIDC issuer that vouched for it.
 * {@code subject} is matched exactly unless {@code subjectIsRegex}, in which case it must match the whole SAN
 * (cosign's {@code --certificate-identity-regexp}). The issuer is always matched exactly.
 */
public record IdentityRule(String subject, boolean subjectIsRegex, String issuer) {
    public IdentityRule {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        if (subject.isBlank() || issuer.isBlank()) {
            throw new IllegalArgumentException("an identity rule needs both a subject and an issuer");
        }
        if (subjectIsRegex) {
            Pattern.compile(subject);
        }
    }

    public static IdentityRule exact(String subject, String issuer) {
        return new IdentityRule(subject, false, issuer);
    }

    public static IdentityRule regex(String subjectPattern, String issuer) {
        return new IdentityRule(subjectPattern, true, issuer);
    }

    public boolean matches(String san, String oidcIssuer) {
        if (san == null || oidcIssuer == null || !issuer.equals(oidcIssuer)) {
            return false;
        }
        return subjectIsRegex ? Pattern.compile(subject).matcher(san).matches() : subject.equals(san);
    }

    public String describe() {
        return (subjectIsRegex ? "~" : "") + subject + " from " + issuer;
    }
}
