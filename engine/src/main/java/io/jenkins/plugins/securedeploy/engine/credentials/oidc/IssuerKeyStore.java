package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.SecretStateStore;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The issuer's keys in the host's {@link SecretStateStore}: load (empty when none yet) and rotate-then-save. Saving
 * happens only when {@link KeyRotation} changed something.
 */
public final class IssuerKeyStore {
    /** The id the issuer's state is stored under. */
    public static final String STATE_ID = "secure-deploy.oidc.keys";

    private final SecretStateStore store;
    private final String displayName;

    public IssuerKeyStore(SecretStateStore store) {
        this(store, STATE_ID);
    }

    /** A store whose messages name the state as {@code displayName} (e.g. the CLI's key file). */
    public IssuerKeyStore(SecretStateStore store, String displayName) {
        this.store = store;
        this.displayName = displayName;
    }

    public IssuerKeys load() {
        try {
            Optional<SecretValue> state = store.load(STATE_ID);
            return state.map(s -> IssuerKeysCodec.decode(s, displayName)).orElse(IssuerKeys.empty());
        } catch (IOException e) {
            throw new EnvironmentException("cannot load the OIDC issuer keys (" + displayName + "): "
                    + IoReason.of(e), e);
        }
    }

    /** Loads, rotates if due and saves a changed state. */
    public KeyRotation.Result rotate(RotationPolicy policy, SigningAlgorithm algorithm, Instant now) {
        return rotate(policy, algorithm, now, false);
    }

    /** Loads, rotates (due or, with {@code force}, now) and saves a changed state. */
    public KeyRotation.Result rotate(RotationPolicy policy, SigningAlgorithm algorithm, Instant now, boolean force) {
        KeyRotation.Result result = force ? KeyRotation.rotateNow(load(), policy, algorithm, now)
                : KeyRotation.rotate(load(), policy, algorithm, now);
        if (result.changed()) {
            try {
                store.save(STATE_ID, IssuerKeysCodec.encode(result.keys()));
            } catch (IOException e) {
                throw new EnvironmentException("cannot save the rotated OIDC issuer keys (" + displayName + "): "
                        + IoReason.of(e), e);
            }
        }
        return result;
    }
}
