package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;

/**
 * How the host's masker learns a credential the moment it exists: the broker calls it for every ID token and every
 * credential value before the value is handed to anyone (the body, the environment, a log line). The CLI adds the
 * value to the masker of the command's output; the plugin adds it to the build's console filter.
 */
@FunctionalInterface
public interface MaskHook {
    void register(SecretValue secret);

    /** A hook that masks nothing (tests of code that prints nothing). */
    static MaskHook none() {
        return secret -> {};
    }
}
