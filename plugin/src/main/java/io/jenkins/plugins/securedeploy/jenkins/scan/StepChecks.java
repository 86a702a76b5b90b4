package io.jenkins.plugins.securedeploy.jenkins.scan;

import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.runner.WorkspaceScanner;
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

    /** Every id must be the built-in secret scanner or a known report format; problems name the line, not the id. */
    static FormValidation tools(List<String> ids) {
        if (ids.isEmpty()) {
            return FormValidation.ok("No scanner: give report files to ingest instead (or both).");
        }
        List<String> known = WorkspaceScanner.knownIds();
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                return FormValidation.error("Scanner #" + (i + 1) + " is not a known tool id. Known: "
                        + String.join(", ", known));
            }
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
