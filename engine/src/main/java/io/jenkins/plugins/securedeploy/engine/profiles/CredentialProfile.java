package io.jenkins.plugins.securedeploy.engine.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One admin-defined credential profile: a name the Jenkinsfile uses, the provider, and the provider's settings as
 * plain (non-secret) key/value pairs. Secret-free by construction: no provider needs a stored secret, the ID token
 * is the credential ({@link CredentialProfiles} refuses unknown keys, so a pasted secret under a typo'd key fails).
 */
public record CredentialProfile(String name, Provider provider, Map<String, String> settings) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The providers a profile can name. */
    public enum Provider {
        AWS,
        VAULT,
        GCP,
        AZURE,
        LOCAL;

        /** {@code aws}, {@code vault}, ... as written in configuration. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The provider with this id (case-insensitive), or empty. */
        public static Optional<Provider> parse(String id) {
            if (id == null) {
                return Optional.empty();
            }
            for (Provider p : values()) {
                if (p.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    public CredentialProfile {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a profile name is 1-64 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit");
        }
        Objects.requireNonNull(provider, "provider");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The setting, stripped, or empty when absent or blank. */
    public Optional<String> setting(String key) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
