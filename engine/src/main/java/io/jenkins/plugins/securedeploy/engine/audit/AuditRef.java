package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.util.Locale;
import java.util.Objects;

/**
 * A typed reference from an audit entry to what it is about: a digest (artifact, SBOM, provenance, attestation,
 * policy) or an identifier (build, commit, approval, waiver, key, lease, target). Identifiers are restricted to
 * {@code [A-Za-z0-9._:/#@+=~*-]}, up to 256 characters and no spaces, so a reference cannot carry prose; the log
 * still passes every value through its masker. Kinds are open: readers keep kinds they do not know.
 */
public record AuditRef(String kind, String value) {
    private static final String VALUE_PUNCTUATION = "._:/#@+=~*-";

    /** The kinds the engine writes. */
    public enum Kind {
        ARTIFACT(true), SBOM(true), PROVENANCE(true), ATTESTATION(true), POLICY(true), FRAGMENT(true),
        BUILD(false), COMMIT(false), APPROVAL(false), WAIVER(false), KEY(false), LEASE(false), TARGET(false);

        private final boolean digest;

        Kind(boolean digest) {
            this.digest = digest;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the value is a digest ({@code sha256:<hex>}). */
        public boolean isDigest() {
            return digest;
        }
    }

    private static final java.util.Set<String> DIGEST_KINDS = java.util.Arrays.stream(Kind.values())
            .filter(Kind::isDigest).map(Kind::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public AuditRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (!isKind(kind)) {
            throw new IllegalArgumentException("a reference kind is lower-case letters, digits and '-'");
        }
        boolean digest = DIGEST_KINDS.contains(kind);
        if (digest) {
            try {
                FastParse.digest(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a " + kind + " reference is a digest such as sha256:<64 hex>: "
                        + e.getMessage(), e);
            }
        } else if (!isValue(value)) {
            throw new IllegalArgumentException("a " + kind + " reference is 1-256 characters of letters, digits and "
                    + "._:/#@+=~*- (no spaces): references are identifiers, not text");
        }
    }

    /** {@code [a-z][a-z0-9-]{0,31}}, checked without a regex (verification parses millions of these). */
    private static boolean isKind(String s) {
        if (s.isEmpty() || s.length() > 32 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9._:/#@+=~*-]{1,256}}. */
    private static boolean isValue(String s) {
        if (s.isEmpty() || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || VALUE_PUNCTUATION.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    public static AuditRef of(Kind kind, String value) {
        return new AuditRef(kind.id(), value);
    }

    public static AuditRef of(Kind kind, Digest digest) {
        if (!kind.isDigest()) {
            throw new IllegalArgumentException(kind.id() + " references are identifiers, not digests");
        }
        return new AuditRef(kind.id(), digest.toString());
    }

    public static AuditRef artifact(Digest digest) {
        return of(Kind.ARTIFACT, digest);
    }

    public static AuditRef build(String buildId) {
        return of(Kind.BUILD, buildId);
    }

    /** {@code artifact=sha256:ab12...}. */
    public String describe() {
        return kind + "=" + value;
    }
}
