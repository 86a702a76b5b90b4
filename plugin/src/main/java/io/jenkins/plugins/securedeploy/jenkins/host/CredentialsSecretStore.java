package io.jenkins.plugins.securedeploy.jenkins.host;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.host.SecretStore;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The engine's {@link SecretStore} over Jenkins "Secret text" credentials, looked up in the context of the run
 * ({@link CredentialsProvider#findCredentialById}: folder and job stores, credentials parameters, and the
 * {@code USE_ITEM} checks for the user who started the build). Each use is recorded against the run.
 */
public final class CredentialsSecretStore implements SecretStore {
    private final Run<?, ?> run;

    public CredentialsSecretStore(Run<?, ?> run) {
        this.run = Objects.requireNonNull(run, "run");
    }

    /**
     * The secret of the String credentials with this id, or empty when there is none the run may use. An empty
     * secret is refused: it cannot be masked. No message names the id (it may be a secret pasted by mistake).
     */
    @Override
    public Optional<SecretValue> lookup(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        StringCredentials credentials = CredentialsProvider.findCredentialById(
                id, StringCredentials.class, run, Collections.<DomainRequirement>emptyList());
        if (credentials == null) {
            return Optional.empty();
        }
        CredentialsProvider.track(run, credentials);
        String plain = credentials.getSecret().getPlainText();
        if (plain.isEmpty()) {
            throw new SecurityViolationException(
                    "the credentials hold an empty secret, which cannot be masked in the build log");
        }
        return Optional.of(SecretValue.of(plain));
    }
}
