package io.jenkins.plugins.securedeploy.jenkins.sbom;

import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import java.util.TreeSet;

/** Checks of {@code recordSbom} parameters, for the Snippet Generator and the execution. */
final class SbomChecks {
    private SbomChecks() {}

    static boolean validSpec(String value) {
        return value != null && SbomOptions.SPEC_VERSIONS.contains(value.trim());
    }

    static String specChoices() {
        return String.join(", ", new TreeSet<>(SbomOptions.SPEC_VERSIONS));
    }

    static FormValidation spec(String value) {
        if (value == null || value.isBlank() || validSpec(value)) {
            return FormValidation.ok();
        }
        return FormValidation.error("CycloneDX spec version must be one of " + specChoices() + ".");
    }
}
