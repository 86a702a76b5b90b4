package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.util.Optional;

/** Looks secrets up by id (Jenkins credentials, environment variables, files). */
public interface SecretStore {
    Optional<SecretValue> lookup(String id);
}
