package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import io.jenkins.plugins.securedeploy.engine.core.Severity;

/**
 * SARIF severity, decided per result, first that applies:
 * <ol>
 *   <li>{@code properties.security-severity} of the result, then of its rule — GitHub's CVSS-like number, as its
 *       CVSS rating. A value that is not a number from 0 to 10 (GitLab's Semgrep writes words like "MEDIUM") is
 *       ignored with a warning and the next step decides, as GitHub code scanning does;</li>
 *   <li>the result's {@code level};</li>
 *   <li>"none" when the result's {@code kind} is present and not "fail" (SARIF 2.1.0 §3.27.10: informational,
 *       review and open results have level none);</li>
 *   <li>the rule's {@code defaultConfiguration.level};</li>
 *   <li>"warning" (§3.27.10's default).</li>
 * </ol>
 * Levels: error → HIGH, warning → MEDIUM, note → LOW, none → INFO (reported and counted, but below any threshold a
 * policy can set except "info"); anything else → UNKNOWN.
 */
final class SarifSeverity {
    private SarifSeverity() {}

    /** A security-severity value: a finite number in 0..10, else NaN (the caller warns). */
    static double securitySeverity(String scalar) {
        if (scalar == null) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(scalar.trim());
            return d >= 0 && d <= 10 ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The level that applies to a result with these fields (each may be null). */
    static String level(String resultLevel, String kind, String ruleLevel) {
        if (resultLevel != null) {
            return resultLevel;
        }
        if (kind != null && !"fail".equals(kind)) {
            return "none";
        }
        return ruleLevel != null ? ruleLevel : "warning";
    }

    static Severity ofLevel(String level) {
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFO;
            default -> Severity.UNKNOWN;
        };
    }
}
