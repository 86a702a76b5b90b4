package io.jenkins.plugins.securedeploy.jenkins.sign;

import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.sign.registry.Verifiers;
import java.util.List;

/** Snippet Generator checks of {@code verifySignature}; the families come from the engine's registry. */
final class SignChecks {
    private SignChecks() {}

    static FormValidation family(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok("Detected from the evidence.");
        }
        List<String> families = Verifiers.standard().families();
        return families.contains(value.strip()) ? FormValidation.ok()
                : FormValidation.error("Unknown family. Known: " + String.join(", ", families));
    }
}
