package io.jenkins.plugins.securedeploy.jenkins.gate;

import hudson.util.FormValidation;

/** Snippet Generator checks of {@code securityGate}; messages never echo the input. */
final class GateChecks {
    private GateChecks() {}

    static FormValidation workspacePath(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String v = value.trim();
        if (v.startsWith("/") || v.matches("^[A-Za-z]:.*") || v.contains("..")) {
            return FormValidation.error("Use a path relative to the workspace.");
        }
        return FormValidation.ok();
    }
}
