package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The facts about the build that go into every token: job (full name, {@code folder/app}), build number, branch,
 * commit, trigger cause, deployment environment and the build's URL. Empty values are left out of the token.
 */
public record BuildClaims(String job, String buildNumber, String branch, String commit, String trigger,
        String environment, String runUrl) {
    public BuildClaims {
        Objects.requireNonNull(job, "job");
        if (job.isBlank()) {
            throw new IllegalArgumentException("a token needs the job name");
        }
        buildNumber = nz(buildNumber);
        branch = nz(branch);
        commit = nz(commit);
        trigger = nz(trigger);
        environment = nz(environment);
        runUrl = nz(runUrl);
    }

    /** From the host's build context plus what it does not carry (branch, trigger cause, environment). */
    public static BuildClaims of(BuildContext build, String branch, String trigger, String environment) {
        return new BuildClaims(build.jobName(), build.runId(), branch, build.commit(), trigger, environment,
                build.runUrl());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Claim name to value, empty ones left out. */
    Map<String, String> claims() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("job", job);
        m.put("build_number", buildNumber);
        m.put("branch", branch);
        m.put("commit", commit);
        m.put("trigger", trigger);
        m.put("environment", environment);
        m.put("run_url", runUrl);
        m.values().removeIf(String::isEmpty);
        return m;
    }

    /** Fills {@code {job}}, {@code {branch}}, {@code {environment}}, {@code {build}}; empty values become {@code -}. */
    String subject(String template) {
        return template.replace("{job}", dash(job)).replace("{branch}", dash(branch))
                .replace("{environment}", dash(environment)).replace("{build}", dash(buildNumber));
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
