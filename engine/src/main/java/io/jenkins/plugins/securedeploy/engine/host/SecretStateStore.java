package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.io.IOException;
import java.util.Optional;

/**
 * Secret state the engine keeps across builds and restarts (the OIDC issuer's signing keys): Jenkins stores it as a
 * {@code Secret} in its configuration, the CLI in a 0600 file. Saving replaces the whole value atomically; the engine
 * never logs it.
 */
public interface SecretStateStore {
    Optional<SecretValue> load(String id) throws IOException;

    void save(String id, SecretValue value) throws IOException;
}
