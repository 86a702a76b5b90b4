package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a SARIF run's tool name says about its findings, and CWE ids from rule/result tags. */
final class SarifCategories {
    private static final Pattern CWE = Pattern.compile("(?i)(?:^|/)cwe-0*(\\d+)$");

    private SarifCategories() {}

    /** Category by well-known tool names; SAST for everything else (SARIF's main use). */
    static Category of(String toolName) {
        String t = toolName == null ? "" : toolName.toLowerCase(Locale.ROOT);
        if (t.contains("gitleaks") || t.contains("trufflehog") || t.contains("detect-secrets")
                || t.contains("secret")) {
            return Category.SECRET;
        }
        if (t.contains("checkov") || t.contains("tfsec") || t.contains("kics") || t.contains("terrascan")
                || t.contains("hadolint") || t.contains("kube-linter")) {
            return Category.IAC;
        }
        if (t.contains("trivy") || t.contains("grype")) {
            return Category.CONTAINER;
        }
        if (t.contains("osv-scanner") || t.contains("dependency-check") || t.contains("npm audit")
                || t.contains("snyk")) {
            return Category.SCA;
        }
        return Category.SAST;
    }

    /** {@code CWE-79}, {@code cwe-079}, {@code external/cwe/cwe-079} → {@code CWE-79}. */
    static List<String> cwes(List<String> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            Matcher m = CWE.matcher(tag.trim());
            if (m.find()) {
                out.add("CWE-" + m.group(1));
            }
        }
        return out;
    }
}
