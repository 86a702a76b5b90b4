package io.jenkins.plugins.securedeploy.engine.scan.gitleaks;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** Gitleaks' JSON report ({@code gitleaks detect --report-format json}): an array of leaks. */
public final class GitleaksDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return "gitleaks";
    }

    @Override
    public String displayName() {
        return "Gitleaks";
    }

    @Override
    public Category category() {
        return Category.SECRET;
    }

    /**
     * An array whose objects carry {@code RuleID} and gitleaks' other capitalised keys. An empty array — Gitleaks'
     * clean report, but any tool can write {@code []} — is recognised only through the file name
     * ({@link #detect(String, String)}).
     */
    @Override
    public int detect(String head) {
        String s = head.stripLeading();
        if (!s.startsWith("[") || !s.contains("\"RuleID\"")) {
            return 0;
        }
        int score = 60;
        if (s.contains("\"StartLine\"") && (s.contains("\"Fingerprint\"") || s.contains("\"Secret\""))) {
            score = 95;
        }
        return score;
    }

    /** {@code []} is Gitleaks' clean report when the file is named like one ({@code gitleaks*}). */
    @Override
    public int detect(String head, String fileName) {
        int byContent = detect(head);
        if (byContent == 0 && head.strip().replaceAll("\\s+", "").equals("[]") && fileName.startsWith("gitleaks")) {
            return 50;
        }
        return byContent;
    }

    @Override
    public ReportParser createParser() {
        return new GitleaksParser();
    }
}
