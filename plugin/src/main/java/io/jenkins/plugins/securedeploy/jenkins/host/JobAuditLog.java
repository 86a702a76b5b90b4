package io.jenkins.plugins.securedeploy.jenkins.host;

import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.File;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The engine's hash-chained {@link AuditLog} of one job, in the job's folder ({@code secure-deploy-audit.jsonl} and
 * its checkpoints), as the sink engine services record their events in. Opened per event (the engine's writer lock
 * keeps parallel builds of the job in order) and closed again, so no file handle outlives a request. Verify it with
 * {@code secure-deploy audit verify <JENKINS_HOME>/jobs/<job>/secure-deploy-audit.jsonl}.
 */
public final class JobAuditLog implements Consumer<AuditEvent> {
    /** The log's file name in the job's root folder. */
    public static final String FILE = "secure-deploy-audit.jsonl";

    private final File jobRoot;
    private final Clock clock;

    public JobAuditLog(File jobRoot, Clock clock) {
        this.jobRoot = Objects.requireNonNull(jobRoot, "jobRoot");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The engine's file lock is per process, not per thread: writers in this JVM take turns here first. */
    private static final Object WRITERS = new Object();

    @Override
    public void accept(AuditEvent event) {
        synchronized (WRITERS) {
            append(event);
        }
    }

    private void append(AuditEvent event) {
        try (AuditLog log = AuditLog.open(new File(jobRoot, FILE).toPath(),
                AuditLog.Options.unsigned(clock, SecretMasker.none()))) {
            log.append(event);
        }
    }
}
