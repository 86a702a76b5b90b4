package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** SARIF 2.1.0 logs from any tool (CodeQL, Semgrep, Trivy, Gitleaks, ESLint, ... with SARIF output). */
public final class SarifDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return "sarif";
    }

    @Override
    public String displayName() {
        return "SARIF 2.1.0";
    }

    @Override
    public Category category() {
        return Category.SAST;
    }

    @Override
    public int detect(String head) {
        String s = head.stripLeading();
        if (!s.startsWith("{") || !s.contains("\"runs\"")) {
            return s.startsWith("{") && s.contains("sarif-2.1.0") ? 60 : 0;
        }
        if (s.contains("sarif-2.1.0") || s.contains("sarif-schema-2.1.0")) {
            return 100;
        }
        return s.matches("(?s).*\"version\"\\s*:\\s*\"2\\.1\\.0\".*") ? 90 : 30;
    }

    @Override
    public ReportParser createParser() {
        return new SarifParser();
    }
}
