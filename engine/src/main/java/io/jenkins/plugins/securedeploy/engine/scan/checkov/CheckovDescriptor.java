package io.jenkins.plugins.securedeploy.engine.scan.checkov;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** Checkov (infrastructure as code), {@code checkov -o json}. */
public final class CheckovDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return CheckovParser.TOOL;
    }

    @Override
    public String displayName() {
        return "Checkov";
    }

    @Override
    public Category category() {
        return Category.IAC;
    }

    @Override
    public int detect(String head) {
        String start = head.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0;
        }
        int score = 0;
        if (head.contains("\"check_type\"")) {
            score += 40;
        }
        if (head.contains("\"failed_checks\"") || head.contains("\"passed_checks\"")) {
            score += 30;
        }
        if (head.contains("\"checkov_version\"")) {
            score += 25;
        }
        if (head.contains("\"resource_count\"") && head.contains("\"parsing_errors\"")
                || head.contains("\"resourcecount\"") && head.contains("\"parsingerrors\"")) {
            score += 20; // the summary-only report (Checkov 2.2+ spelling, and Checkov 2.1's)
            if (head.contains("\"failed\"") && head.contains("\"passed\"")) {
                score += 20;
            }
        }
        if (head.contains("\"file_line_range\"")) {
            score += 5;
        }
        return Math.min(score, 95);
    }

    @Override
    public ReportParser createParser() {
        return new CheckovParser();
    }
}
