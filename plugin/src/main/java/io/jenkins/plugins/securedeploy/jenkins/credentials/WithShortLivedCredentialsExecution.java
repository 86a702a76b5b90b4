package io.jenkins.plugins.securedeploy.jenkins.credentials;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialSession;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationReport;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.profiles.CredentialProfile;
import io.jenkins.plugins.securedeploy.engine.profiles.CredentialProfiles;
import io.jenkins.plugins.securedeploy.jenkins.config.CredentialProfileConfig;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.MaskingConsoleLogFilter;
import io.jenkins.plugins.securedeploy.jenkins.host.RunBuildContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * On a background thread (the exchange is network I/O): resolves the profile, opens an engine
 * {@link CredentialBroker} session (token minted per use, exchanged, every value registered with the masker before
 * anything sees it; a failed exchange revokes what was obtained and issues nothing), then starts the body with the
 * credentials in its environment and its log masked. The tail call revokes every lease, on success, failure and
 * abort, records the outcome on the run and fails the step if a revocation failed (fail closed).
 *
 * <p>The session (leases know how to revoke themselves) lives in memory for the body's duration. If the controller
 * restarts while the body runs, the body keeps its environment (encrypted in program.dat, as credentials-binding
 * does), but the leases cannot be revoked any more: the tail records each as FAILED with its expiry, and fails.
 */
class WithShortLivedCredentialsExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    private static final Map<String, CredentialSession> SESSIONS = new ConcurrentHashMap<>();

    private final String profile;
    private final String audience;
    private final String environment;
    private final String sessionId = UUID.randomUUID().toString();
    /** Lease label to expiry, secret-free, for the record after a restart. */
    private final LinkedHashMap<String, String> leases = new LinkedHashMap<>();

    WithShortLivedCredentialsExecution(StepContext context, String profile, String audience, String environment) {
        super(context);
        this.profile = profile;
        this.audience = audience;
        this.environment = environment;
    }

    @Override
    public boolean start() {
        run(this::open);
        return false;
    }

    private void open() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        EnvVars env = getContext().get(EnvVars.class);
        ListenerConsole console = new ListenerConsole(listener);
        Clock clock = Clock.systemUTC();
        List<SecretValue> values = new CopyOnWriteArrayList<>();
        EngineLog log = new EngineLog("");
        CredentialSession session;
        try {
            BuildClaims claims = BuildClaims.of(RunBuildContext.of(run, env, new JenkinsFacade()),
                    env == null ? "" : env.get("BRANCH_NAME"), "", environment);
            Exchange exchange = CredentialProfiles.exchange(profile(), claims, clock);
            session = new CredentialBroker(JenkinsIssuer.current(clock).forBuild(claims), values::add, clock, log)
                    .open(List.of(exchange));
        } catch (SecureDeployException | IllegalStateException | IllegalArgumentException e) {
            log.lines().forEach(l -> console.info(l.text()));
            throw new AbortException("withShortLivedCredentials(" + profile + "): " + e.getMessage()
                    + " - nothing was issued, the body did not run");
        }
        log.lines().forEach(l -> console.info(l.text()));
        for (Lease lease : session.leases()) {
            leases.put(lease.provider() + " " + lease.label(), lease.expiresAt().toString());
        }
        SESSIONS.put(sessionId, session);
        console.info("credentials for the body: " + String.join(", ", session.environment().names()));
        getContext().newBodyInvoker()
                .withContext(EnvironmentExpander.merge(getContext().get(EnvironmentExpander.class),
                        new CredentialsExpander(session.environment())))
                .withContext(BodyInvoker.mergeConsoleLogFilters(getContext().get(ConsoleLogFilter.class),
                        new MaskingConsoleLogFilter(values)))
                .withCallback(new Revoke())
                .start();
    }

    private CredentialProfile profile() throws AbortException {
        CredentialProfileConfig config = new GlobalConfigurationFacade().getIssuer().profile(profile)
                .orElseThrow(() -> new AbortException("withShortLivedCredentials: no credential profile named "
                        + profile + " (Manage Jenkins » Security » Secure Deploy issuer)"));
        CredentialProfile p = config.toProfile();
        if (audience.isEmpty()) {
            return p;
        }
        Map<String, String> settings = new LinkedHashMap<>(p.settings());
        settings.put("audience", audience);
        return new CredentialProfile(p.name(), p.provider(), settings);
    }

    /** Revokes whatever the body did; runs on a background thread (revocation is network I/O). */
    private final class Revoke extends TailCall {
        private static final long serialVersionUID = 1L;

        @Override
        protected void finished(StepContext context) throws Exception {
            Run<?, ?> run = context.get(Run.class);
            ListenerConsole console = new ListenerConsole(context.get(TaskListener.class));
            CredentialLeasesAction action = CredentialLeasesAction.on(run);
            CredentialSession session = SESSIONS.remove(sessionId);
            List<String> failures = new ArrayList<>();
            if (session == null) {
                leases.forEach((label, expiry) -> {
                    action.addLost(profile, label, expiry);
                    failures.add(label + " (expires " + expiry + ")");
                });
            } else {
                RevocationReport report = session.revokeAll();
                for (RevocationRecord r : report.records()) {
                    action.add(profile, r);
                    if (r.outcome() == RevocationRecord.Outcome.FAILED) {
                        console.error(r.describe());
                        failures.add(r.describe());
                    } else {
                        console.info(r.describe());
                    }
                }
            }
            run.save();
            if (!failures.isEmpty()) {
                throw new AbortException("withShortLivedCredentials(" + profile + "): could not revoke "
                        + String.join("; ", failures));
            }
        }
    }
}
