package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEntry;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEntryReader;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerification;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which digests were deployed where, read from the audit log's {@code deployment.succeeded} entries (each names the
 * artifact digest, the target environment and the deployment) after the log's hash chain — and its signed
 * checkpoints, with a verifier that trusts the signing key — checked intact. Promotion asks whether a digest passed
 * the previous environment; rollback asks for the last digest before the current one.
 */
public final class DeploymentHistory {
    /** One successful deployment. */
    public record Deployed(String environment, Digest digest, String deploymentId, Instant at, long seq) {}

    private final List<Deployed> deployed;

    public DeploymentHistory(List<Deployed> deployed) {
        this.deployed = List.copyOf(deployed);
    }

    /** Nothing deployed yet. */
    public static DeploymentHistory empty() {
        return new DeploymentHistory(List.of());
    }

    /**
     * The history in {@code log} (none when the file does not exist yet).
     *
     * @throws SecurityViolationException when the log is not intact (a changed, removed or reordered entry)
     */
    public static DeploymentHistory read(Path log, AuditVerifier verifier) {
        if (!Files.exists(log)) {
            return empty();
        }
        AuditVerification v = verifier.verify(log);
        if (!v.isIntact()) {
            throw new SecurityViolationException("the audit log " + log.getFileName() + " is not intact, so no "
                    + "deployment recorded in it can be trusted: " + v.headline());
        }
        List<Deployed> out = new ArrayList<>();
        for (AuditEntry e : new AuditEntryReader().read(log, String.valueOf(log.getFileName()), 1, 0)) {
            if (!AuditAction.DEPLOYMENT_SUCCEEDED.id().equals(e.action())) {
                continue;
            }
            String env = ref(e, AuditRef.Kind.TARGET);
            String digest = ref(e, AuditRef.Kind.ARTIFACT);
            if (!env.isEmpty() && !digest.isEmpty()) {
                out.add(new Deployed(env, Digest.parse(digest), ref(e, AuditRef.Kind.BUILD), e.at(), e.seq()));
            }
        }
        return new DeploymentHistory(out);
    }

    private static String ref(AuditEntry e, AuditRef.Kind kind) {
        return e.refs().stream().filter(r -> r.kind().equals(kind.id())).map(AuditRef::value).findFirst().orElse("");
    }

    /** Successful deployments to {@code environment}, oldest first. */
    public List<Deployed> deployed(String environment) {
        return deployed.stream().filter(d -> d.environment().equals(environment)).toList();
    }

    /** The last successful deployment to {@code environment}. */
    public Optional<Deployed> last(String environment) {
        List<Deployed> all = deployed(environment);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Whether {@code digest} was deployed to {@code environment} successfully. */
    public boolean passed(String environment, Digest digest) {
        return deployed(environment).stream().anyMatch(d -> d.digest().matches(digest));
    }

    /** What a rollback of {@code environment} redeploys: the last successful digest other than the current one. */
    public Optional<Deployed> rollbackTarget(String environment) {
        Optional<Deployed> current = last(environment);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<Deployed> all = deployed(environment);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).digest().matches(current.get().digest())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }
}
