package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the admin's audience allow-list: an audience (exact, or a glob with {@code *}) and the jobs that may
 * ask for it (globs over the full job name; empty: every job).
 */
public record AudienceRule(String audience, List<String> jobs) {
    public AudienceRule {
        Objects.requireNonNull(audience, "audience");
        if (audience.isBlank() || audience.equals("*")) {
            throw new IllegalArgumentException("an allowed audience must name something; '*' would allow any");
        }
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    public static AudienceRule of(String audience) {
        return new AudienceRule(audience, List.of());
    }

    boolean matchesAudience(String requested) {
        return Glob.matches(audience, requested);
    }

    boolean allowsJob(String job) {
        return jobs.isEmpty() || jobs.stream().anyMatch(g -> Glob.matches(g, job));
    }
}
