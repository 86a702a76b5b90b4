package io.jenkins.plugins.securedeploy.engine.scan.secrets;

/**
 * A confirmed match on one line segment: the rule and the secret's span. Holds the secret only until the scanner
 * has hashed it and built a redacted preview; {@link #toString()} never shows it.
 */
record Detection(SecretRule rule, int start, int end, String secret) {
    boolean overlaps(Detection other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return "Detection[" + rule.id() + " at " + start + ".." + end + ", " + Redaction.preview(secret) + "]";
    }
}
