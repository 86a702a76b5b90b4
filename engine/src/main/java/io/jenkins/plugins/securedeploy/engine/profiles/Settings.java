package io.jenkins.plugins.securedeploy.engine.profiles;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Reads one profile's settings, collecting every problem (named by profile and key, never quoting a value). */
final class Settings {
    private final CredentialProfile profile;
    private final List<Problem> problems = new ArrayList<>();

    Settings(CredentialProfile profile) {
        this.profile = profile;
    }

    void refuseUnknown(Set<String> known) {
        for (String key : profile.settings().keySet()) {
            if (!known.contains(key)) {
                problems.add(problem("profile.settings.unknown", "unknown key " + key + " for provider "
                        + profile.provider().id() + " (known: " + String.join(", ", known) + ")", key));
            }
        }
    }

    Optional<String> optional(String key) {
        return profile.setting(key);
    }

    String required(String key) {
        Optional<String> v = profile.setting(key);
        if (v.isEmpty()) {
            problems.add(problem("profile.settings.missing", "provider " + profile.provider().id() + " needs " + key,
                    key));
            return null;
        }
        return v.get();
    }

    Optional<URI> uri(String key) {
        Optional<String> v = profile.setting(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(v.get());
            if (!u.isAbsolute() || u.getHost() == null) {
                problems.add(problem("profile.settings.url", key + " must be an absolute URL", key));
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (URISyntaxException e) {
            problems.add(problem("profile.settings.url", key + " is not a URL", key));
            return Optional.empty();
        }
    }

    URI requiredUri(String key) {
        if (profile.setting(key).isEmpty()) {
            required(key);
            return null;
        }
        return uri(key).orElse(null);
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, a number of seconds, or ISO-8601 ({@code PT15M}). */
    Optional<Duration> duration(String key) {
        Optional<String> v = profile.setting(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = parseDuration(v.get());
        if (d.isEmpty()) {
            problems.add(problem("profile.settings.duration", key + " must be a duration such as 90s, 15m, 1h or "
                    + "PT15M", key));
        }
        return d;
    }

    Optional<Integer> integer(String key) {
        Optional<String> v = profile.setting(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= 1 && n <= 10) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem("profile.settings.number", key + " must be a whole number from 1 to 10", key));
        return Optional.empty();
    }

    /** {@code K=V} pairs separated by commas: {@code team=payments,env=prod}. */
    Map<String, String> pairs(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<String> v = profile.setting(key);
        if (v.isEmpty()) {
            return out;
        }
        for (String part : v.get().split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || part.substring(0, eq).isBlank()) {
                problems.add(problem("profile.settings.pairs", key + " is a comma-separated list of NAME=VALUE",
                        key));
                return out;
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    /**
     * Builds the provider's settings; their own refusal becomes a problem unless reading the settings already
     * recorded one (a missing key surfaces as the constructor's null check).
     */
    <T> T build(Supplier<T> factory) {
        int before = problems.size();
        try {
            return factory.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            if (problems.size() > before) {
                return null;
            }
            problems.add(Problem.of("profile.settings.invalid", "profile " + profile.name() + ": "
                    + (e.getMessage() == null ? "invalid settings" : e.getMessage()),
                    Location.ofFile("credential profile " + profile.name())));
            return null;
        }
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static Optional<Duration> parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
            if (t.matches("\\d{1,7}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
            }
            if (t.matches("\\d{1,7}[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return Optional.of(switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Problem problem(String code, String message, String key) {
        return Problem.of(code, "profile " + profile.name() + ": " + message,
                Location.ofPointer("credential profile " + profile.name(), "/" + key, 0, 0));
    }
}
