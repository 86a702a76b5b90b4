package io.jenkins.plugins.securedeploy.engine.scan.npmaudit;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** {@code npm audit --json} of npm 7 and later (auditReportVersion 2). */
public final class NpmAuditDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return "npm-audit";
    }

    @Override
    public String displayName() {
        return "npm audit";
    }

    @Override
    public Category category() {
        return Category.SCA;
    }

    @Override
    public int detect(String head) {
        String s = head.stripLeading();
        if (!s.startsWith("{")) {
            return 0;
        }
        if (s.contains("\"auditReportVersion\"")) {
            return 95;
        }
        // the error npm writes when its audit endpoint fails, and npm 6 reports (no auditReportVersion), are
        // recognised so that they fail with a clear message
        if (s.contains("/-/npm/v1/security/") && s.contains("\"error\"")) {
            return 70;
        }
        return s.contains("\"advisories\"") && s.contains("\"muted\"") ? 60 : 0;
    }

    @Override
    public ReportParser createParser() {
        return new NpmAuditParser();
    }
}
