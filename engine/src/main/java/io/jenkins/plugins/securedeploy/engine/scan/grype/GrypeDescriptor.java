package io.jenkins.plugins.securedeploy.engine.scan.grype;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** Grype's JSON report ({@code grype IMAGE|DIR -o json}). */
public final class GrypeDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return "grype";
    }

    @Override
    public String displayName() {
        return "Grype";
    }

    @Override
    public Category category() {
        return Category.CONTAINER;
    }

    @Override
    public int detect(String head) {
        String s = head.stripLeading();
        if (!s.startsWith("{") || !s.contains("\"matches\"")) {
            return 0;
        }
        if (s.contains("\"matchDetails\"") || s.contains("\"relatedVulnerabilities\"")
                || s.matches("(?s).*\"descriptor\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"grype\".*")) {
            return 90;
        }
        return 40;
    }

    @Override
    public ReportParser createParser() {
        return new GrypeParser();
    }
}
