package io.jenkins.plugins.securedeploy.engine.scan.semgrep;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** Semgrep (SAST), {@code semgrep --json}. */
public final class SemgrepDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return SemgrepParser.TOOL;
    }

    @Override
    public String displayName() {
        return "Semgrep";
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
        if (head.contains("\"check_id\"")) {
            score += 50;
        }
        if (head.contains("\"extra\"") && head.contains("\"start\"")) {
            score += 20;
        }
        if (head.contains("\"paths\"") && head.contains("\"errors\"")) {
            score += head.contains("\"scanned\"") && head.contains("\"results\"") ? 50 : 15;
        }
        if (head.contains("\"interfile_languages_used\"") || head.contains("\"skipped_rules\"")) {
            score += 10;
        }
        if (head.contains("\"file_line_range\"")) {
            score -= 40;
        }
        if (score == 0 && head.contains("\"results\"") && head.contains("\"errors\"")
                && !head.contains("\"generated_at\"") && !head.contains("\"metrics\"")) {
            score = 45; // a clean semgrep --json: {"results": [], "errors": [], ...}; Bandit adds generated_at
        }
        return Math.max(0, Math.min(score, 95));
    }

    @Override
    public ReportParser createParser() {
        return new SemgrepParser();
    }
}
