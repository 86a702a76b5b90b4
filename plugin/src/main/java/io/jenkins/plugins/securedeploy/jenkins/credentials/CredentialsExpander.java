package io.jenkins.plugins.securedeploy.jenkins.credentials;

import hudson.EnvVars;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The credentials as environment variables of the body only (credentials-binding's pattern): the secret values are
 * kept as {@link Secret}s, so the copy Pipeline persists in program.dat is encrypted, and named by
 * {@link #getSensitiveVariables()} so other steps treat them as secrets too.
 */
public final class CredentialsExpander extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Secret> secrets = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> settings = new LinkedHashMap<>();

    public CredentialsExpander(CredentialEnvironment env) {
        env.secrets().forEach((k, v) -> secrets.put(k, Secret.fromString(v.reveal())));
        settings.putAll(env.settings());
    }

    @Override
    public void expand(EnvVars env) {
        settings.forEach(env::override);
        for (Map.Entry<String, Secret> e : secrets.entrySet()) {
            env.override(e.getKey(), e.getValue().getPlainText());
        }
    }

    @Override
    public Set<String> getSensitiveVariables() {
        return Set.copyOf(secrets.keySet());
    }
}
