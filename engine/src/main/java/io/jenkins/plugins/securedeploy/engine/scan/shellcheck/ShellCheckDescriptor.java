package io.jenkins.plugins.securedeploy.engine.scan.shellcheck;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** ShellCheck's {@code -f json1} output (not the plain {@code -f json} array, which has no wrapper object). */
public final class ShellCheckDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return ShellCheckParser.TOOL;
    }

    @Override
    public String displayName() {
        return "ShellCheck (json1)";
    }

    @Override
    public Category category() {
        return Category.SAST;
    }

    @Override
    public int detect(String head) {
        String compact = head.stripLeading();
        if (!compact.startsWith("{") || !head.contains("\"comments\"")) {
            return 0;
        }
        if (head.contains("\"level\"") && head.contains("\"code\"") && head.contains("\"endColumn\"")) {
            return 95;
        }
        return compact.replaceAll("\\s", "").startsWith("{\"comments\":[") ? 60 : 20;
    }

    @Override
    public ReportParser createParser() {
        return new ShellCheckParser();
    }
}
