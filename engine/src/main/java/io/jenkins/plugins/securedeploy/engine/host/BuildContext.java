package io.jenkins.plugins.securedeploy.engine.host;

import java.time.Instant;
import java.util.Objects;

/**
 * What the host knows about the running build. {@code builderId} identifies the build system instance (a Jenkins
 * URL, or {@code secure-deploy-cli} on a laptop). Free of secrets.
 */
public record BuildContext(String jobName, String runId, String runUrl, String commit, String builderId,
        Instant startedAt) {
    public BuildContext {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(runId, "runId");
        runUrl = runUrl == null ? "" : runUrl;
        commit = commit == null ? "" : commit;
        Objects.requireNonNull(builderId, "builderId");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
