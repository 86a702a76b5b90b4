package io.jenkins.plugins.securedeploy.engine.scan.dependencycheck;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** OWASP Dependency-Check (SCA), {@code dependency-check --format JSON}. */
public final class DependencyCheckDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return DependencyCheckParser.TOOL;
    }

    @Override
    public String displayName() {
        return "OWASP Dependency-Check";
    }

    @Override
    public Category category() {
        return Category.SCA;
    }

    @Override
    public int detect(String head) {
        if (!head.stripLeading().startsWith("{")) {
            return 0;
        }
        int score = 0;
        if (head.contains("\"reportSchema\"")) {
            score += 40;
        }
        if (head.contains("\"scanInfo\"") && head.contains("\"engineVersion\"")) {
            score += 30;
        }
        if (head.contains("\"dependencies\"") && head.contains("\"isVirtual\"")) {
            score += 25;
        }
        return Math.min(score, 95);
    }

    @Override
    public ReportParser createParser() {
        return new DependencyCheckParser();
    }
}
