package io.jenkins.plugins.securedeploy.engine.testing;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SecretStore} backed by a map. */
public final class FakeSecretStore implements SecretStore {
    private final Map<String, SecretValue> secrets = new ConcurrentHashMap<>();

    public FakeSecretStore with(String id, String value) {
        secrets.put(id, SecretValue.of(value));
        return this;
    }

    @Override
    public Optional<SecretValue> lookup(String id) {
        return Optional.ofNullable(secrets.get(id));
    }
}
