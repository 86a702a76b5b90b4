package io.jenkins.plugins.securedeploy.jenkins.config;

import hudson.util.FormValidation;

/** Maps a plain {@link ConfigChecks.Check} to Jenkins' {@link FormValidation} (which escapes the message). */
final class FormChecks {
    private FormChecks() {}

    static FormValidation toValidation(ConfigChecks.Check check) {
        switch (check.kind()) {
            case ERROR:
                return FormValidation.error(check.message());
            case WARNING:
                return FormValidation.warning(check.message());
            default:
                return FormValidation.ok();
        }
    }
}
