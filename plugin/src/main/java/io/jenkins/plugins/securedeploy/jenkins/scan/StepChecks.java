package io.jenkins.plugins.securedeploy.jenkins.scan;

import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerRegistry;
import java.util.List;

/** Snippet Generator checks of {@code runScanners}; messages never echo the input. */
final class StepChecks {
    private StepChecks() {}

    static FormValidation reportsGlob(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String v = value.trim();
        if (v.startsWith("/") || v.matches("^[A-Za-z]:.*") || v.contains("..")) {
            return FormValidation.error("Use a glob relative to the workspace, for example reports/*.sarif.");
        }
        return FormValidation.ok();
    }

    static FormValidation format(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok("The format is detected from each report.");
        }
        List<String> ids = ScannerRegistry.standard().all().stream().map(ScannerDescriptor::id).toList();
        return ids.contains(value.trim()) ? FormValidation.ok()
                : FormValidation.error("Unknown report format. Known: " + String.join(", ", ids));
    }
}
