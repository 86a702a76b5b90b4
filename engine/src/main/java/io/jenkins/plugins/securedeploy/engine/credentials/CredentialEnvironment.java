package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables a session's leases provide: secrets (already registered with the masker) and plain
 * settings. Two leases that set the same variable are refused: one would silently shadow the other.
 */
public final class CredentialEnvironment {
    private final Map<String, SecretValue> secrets;
    private final Map<String, String> settings;

    private CredentialEnvironment(Map<String, SecretValue> secrets, Map<String, String> settings) {
        this.secrets = Collections.unmodifiableMap(secrets);
        this.settings = Collections.unmodifiableMap(settings);
    }

    /** No credentials (a deployment whose environment has no credential profile). */
    public static CredentialEnvironment empty() {
        return of(List.of());
    }

    static CredentialEnvironment of(List<Lease> leases) {
        Map<String, SecretValue> secrets = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Lease lease : leases) {
            for (var e : lease.secrets().entrySet()) {
                claim(owner, e.getKey(), lease, problems);
                secrets.put(e.getKey(), e.getValue());
            }
            for (var e : lease.settings().entrySet()) {
                claim(owner, e.getKey(), lease, problems);
                settings.put(e.getKey(), e.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CredentialEnvironment(secrets, settings);
    }

    private static void claim(Map<String, String> owner, String name, Lease lease, List<Problem> problems) {
        String previous = owner.putIfAbsent(name, lease.provider() + " " + lease.label());
        if (previous != null && !previous.equals(lease.provider() + " " + lease.label())) {
            problems.add(Problem.of("credentials.env.conflict", "environment variable " + name + " is set by both "
                    + previous + " and " + lease.provider() + " " + lease.label(), Location.ofFile("credentials")));
        }
    }

    public Map<String, SecretValue> secrets() {
        return secrets;
    }

    public Map<String, String> settings() {
        return settings;
    }

    /** All variable names, secrets first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(secrets.keySet());
        names.addAll(settings.keySet());
        return names;
    }

    /** Puts every variable into a process environment (e.g. {@code ProcessBuilder.environment()}). */
    public void applyTo(Map<String, String> processEnvironment) {
        processEnvironment.putAll(settings);
        secrets.forEach((k, v) -> processEnvironment.put(k, v.reveal()));
    }

    @Override
    public String toString() {
        return "CredentialEnvironment" + names();
    }
}
