package io.jenkins.plugins.securedeploy.engine.scan.bandit;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** Bandit (Python SAST), {@code bandit -f json}. */
public final class BanditDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return BanditParser.TOOL;
    }

    @Override
    public String displayName() {
        return "Bandit";
    }

    @Override
    public Category category() {
        return Category.SAST;
    }

    @Override
    public int detect(String head) {
        if (!head.stripLeading().startsWith("{")) {
            return 0;
        }
        int score = 0;
        // Bandit writes keys sorted: errors, generated_at, metrics (per file, can be long), results
        if (head.contains("\"test_id\"") && head.contains("\"issue_severity\"")) {
            score += 50;
        }
        if (head.contains("\"generated_at\"")) {
            score += 20;
        }
        if (head.contains("\"metrics\"") && head.contains("\"SEVERITY.HIGH\"")) {
            score += 20;
        }
        if (head.contains("\"_totals\"")) {
            score += 5;
        }
        return Math.min(score, 95);
    }

    @Override
    public ReportParser createParser() {
        return new BanditParser();
    }
}
