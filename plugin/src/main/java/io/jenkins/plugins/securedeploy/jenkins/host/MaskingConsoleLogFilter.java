package io.jenkins.plugins.securedeploy.jenkins.host;

import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Masks the secrets, in every encoded form the engine knows (raw, base64 at three offsets, URL, JSON-escaped, shell
 * quoted, ...) and across write boundaries, in everything the body of {@code maskSecrets} logs. Installed with
 * {@code BodyInvoker.mergeConsoleLogFilters} as credentials-binding does; Serializable because Pipeline persists it
 * and may send it to an agent. The values are kept as {@link Secret}s (encrypted in program.dat); the engine's
 * masker is not serializable on purpose and is rebuilt lazily from them.
 */
public final class MaskingConsoleLogFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<Secret> secrets = new ArrayList<>();
    private transient volatile SecretMasker masker;

    public MaskingConsoleLogFilter(Collection<SecretValue> values) {
        for (SecretValue v : values) {
            secrets.add(Secret.fromString(v.reveal()));
        }
    }

    /** Pipeline calls this overload with a null build (see BodyInvoker.mergeConsoleLogFilters). */
    @SuppressWarnings("rawtypes")
    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger)
            throws IOException, InterruptedException {
        return masker().wrap(logger);
    }

    /** The engine masker over the secret values (built once per deserialized copy). */
    public SecretMasker masker() {
        SecretMasker m = masker;
        if (m == null) {
            List<SecretValue> values = new ArrayList<>(secrets.size());
            for (Secret s : secrets) {
                values.add(SecretValue.of(s.getPlainText()));
            }
            m = SecretMasker.of(values);
            masker = m;
        }
        return m;
    }
}
