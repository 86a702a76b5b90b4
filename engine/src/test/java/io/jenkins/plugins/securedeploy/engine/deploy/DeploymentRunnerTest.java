package io.jenkins.plugins.securedeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalStatus;
import io.jenkins.plugins.securedeploy.engine.approval.Ballot;
import io.jenkins.plugins.securedeploy.engine.approval.StaticApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleSource;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleVerifier;
import io.jenkins.plugins.securedeploy.engine.bundle.ManifestAnchor;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.gate.ExitCode;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentRunnerTest {
    @TempDir
    Path dir;

    private DeployFixture fx;
    private final AtomicInteger bodyRuns = new AtomicInteger();
    private final List<String> bodySaw = new ArrayList<>();

    private DeploymentBody body(int exit) {
        return env -> {
            bodyRuns.incrementAndGet();
            bodySaw.addAll(env.names());
            return exit;
        };
    }

    private DeploymentState deploy(Environment env, GateRequest gate, DeploymentBody body, List<Exchange> ex) {
        return deploy(fx.request(env, gate, body, ex));
    }

    private DeploymentState deploy(DeploymentRequest request) {
        try (AuditLog audit = fx.audit()) {
            DeploymentRunner runner = new DeploymentRunner(fx.services(audit), request);
            return runner.run(runner.start("app-42"), s -> { });
        }
    }

    private String auditText() throws IOException {
        return Files.readString(fx.auditFile, StandardCharsets.UTF_8);
    }

    private void assertNoSecretAnywhere(DeploymentState s) throws IOException {
        fx.canary.assertAbsentFromLines("phase results", DeployFixture.texts(s));
        fx.canary.assertAbsent("audit log", auditText());
        fx.evidence.contents().forEach((name, bytes) -> fx.canary.assertAbsent(name, new String(bytes,
                StandardCharsets.ISO_8859_1)));
    }

    @Test
    void shouldRunEveryPhaseAndRecordASignedBundleWhenEverythingHolds() throws Exception {
        fx = new DeployFixture(dir);
        DeploymentState s = deploy(Environment.open("staging"), DeployFixture.cleanGate(), body(0),
                List.of(fx.exchange()));
        DeploymentOutcome o = DeploymentOutcome.of(s);
        assertThat(o.status()).as(o.reason()).isEqualTo(DeploymentOutcome.Status.SUCCEEDED);
        assertThat(o.exitCode()).isEqualTo(ExitCode.PASSED);
        assertThat(s.results()).extracting(PhaseResult::phase).containsExactly(Phase.VERIFY, Phase.GATE,
                Phase.APPROVE, Phase.CREDENTIALS, Phase.DEPLOY, Phase.REVOKE, Phase.ATTEST, Phase.RECORD);
        assertThat(s.result(Phase.APPROVE).orElseThrow().status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(bodySaw).containsExactly("DEPLOY_TOKEN");
        assertThat(fx.revoked).hasValue(1);
        assertThat(s.issued()).containsExactly("test: deploy key");
        assertThat(fx.evidence.contents().keySet()).contains("deployments/app-42/gate/gate-report.json",
                "deployments/app-42/attestations/provenance.intoto.json",
                "deployments/app-42/attestations/scan.intoto.json", "deployments/app-42/bundle.tar.gz",
                "deployments/app-42/bundle/manifest.json");
        assertThat(auditText()).contains("\"action\":\"deployment.succeeded\"").contains("\"target\":\"staging\"");
        assertThat(fx.history().passed("staging", s.artifactDigest())).isTrue();
        byte[] archive = fx.evidence.content("deployments/app-42/bundle.tar.gz");
        var verification = new BundleVerifier().verify(BundleSource.archive("bundle.tar.gz",
                () -> new ByteArrayInputStream(archive)), ManifestAnchor.keyId(SignFixtures.signer().keyId()));
        assertThat(verification.isVerified()).as(verification.headline()).isTrue();
        assertNoSecretAnywhere(s);
    }

    @Test
    void shouldStopBeforeCredentialsWhenTheSignatureFails() throws Exception {
        fx = new DeployFixture(dir);
        DeploymentRequest r = fx.request(Environment.open("prod"), DeployFixture.cleanGate(), body(0),
                List.of(fx.exchange()));
        byte[] wrongPin = (Hashing.sha256("another artifact".getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        DeploymentState s = deploy(new DeploymentRequest(r.actor(), r.kind(), r.environment(), r.artifact(),
                Optional.empty(), "", List.of(VerificationRequest.of(new EvidenceFile("app.bin.sha256", wrongPin),
                        r.artifact(), null, null)), r.gate(), r.context(), r.exchanges(), r.body(), r.history()));
        DeploymentOutcome o = DeploymentOutcome.of(s);
        assertThat(o.status()).isEqualTo(DeploymentOutcome.Status.FAILED);
        assertThat(o.phase()).contains(Phase.VERIFY);
        assertThat(o.reason()).contains("FAILED at verify:");
        assertNothingIssued(s);
        assertThat(auditText()).contains("\"action\":\"signature.verified\"").contains("verify FAILED")
                .contains("\"action\":\"deployment.failed\"");
    }

    @Test
    void shouldStopBeforeCredentialsWhenTheGateFailsOrAScannerCrashed() throws Exception {
        fx = new DeployFixture(dir);
        DeploymentState failed = deploy(Environment.open("prod"), DeployFixture.failingGate(), body(0),
                List.of(fx.exchange()));
        assertThat(DeploymentOutcome.of(failed).reason()).contains("FAILED at gate: FAILED thresholds.total.critical");
        assertThat(DeploymentOutcome.of(failed).exitCode()).isEqualTo(ExitCode.FAILED);
        assertNothingIssued(failed);
        assertThat(fx.evidence.contents()).containsKey("deployments/app-42/gate/index.html")
                .containsKey("deployments/app-42/bundle/manifest.json");

        fx = new DeployFixture(dir.resolve("crash"));
        DeploymentState crashed = deploy(Environment.open("prod"), DeployFixture.crashedScanner(), body(0),
                List.of(fx.exchange()));
        assertThat(DeploymentOutcome.of(crashed).status()).isEqualTo(DeploymentOutcome.Status.ERROR);
        assertThat(DeploymentOutcome.of(crashed).reason()).contains("ERROR at gate:").contains("zap");
        assertThat(DeploymentOutcome.of(crashed).exitCode()).isEqualTo(ExitCode.ERROR);
        assertNothingIssued(crashed);
    }

    @Test
    void shouldIssueNothingWhenTheExchangeFails() throws Exception {
        fx = new DeployFixture(dir);
        fx.exchangeFails = true;
        DeploymentState s = deploy(Environment.open("prod"), DeployFixture.cleanGate(), body(0),
                List.of(fx.exchange()));
        assertThat(DeploymentOutcome.of(s).reason()).contains("ERROR at credentials:").contains("refused")
                .contains("nothing was issued");
        assertThat(bodyRuns).hasValue(0);
        assertThat(s.issued()).isEmpty();
        assertThat(s.results()).extracting(PhaseResult::phase).doesNotContain(Phase.DEPLOY, Phase.REVOKE);
        assertNoSecretAnywhere(s);
    }

    @Test
    void shouldRevokeAttestAndRecordWhenTheDeployCommandFails() throws Exception {
        fx = new DeployFixture(dir);
        DeploymentState s = deploy(Environment.open("prod"), DeployFixture.cleanGate(), env -> {
            throw new IllegalStateException("kubectl said: token " + env.secrets().get("DEPLOY_TOKEN").reveal()
                    + " is not allowed");
        }, List.of(fx.exchange()));
        DeploymentOutcome o = DeploymentOutcome.of(s);
        assertThat(o.reason()).contains("ERROR at deploy: kubectl said: token ****").contains("is not allowed");
        assertThat(s.results()).extracting(PhaseResult::phase).containsSubsequence(Phase.DEPLOY, Phase.REVOKE,
                Phase.ATTEST, Phase.RECORD);
        assertThat(fx.revoked).hasValue(1);
        assertThat(auditText()).contains("\"action\":\"credential.revoked\"");
        assertNoSecretAnywhere(s);

        fx = new DeployFixture(dir.resolve("exit"));
        DeploymentState exit = deploy(Environment.open("prod"), DeployFixture.cleanGate(), body(7),
                List.of(fx.exchange()));
        assertThat(DeploymentOutcome.of(exit).reason()).contains("FAILED at deploy: the deploy command exited 7");
        assertThat(fx.revoked).hasValue(1);
    }

    @Test
    void shouldFailWhenRevocationFailsAndSayWhichPhase() throws Exception {
        fx = new DeployFixture(dir);
        fx.revocationFails = true;
        DeploymentState s = deploy(Environment.open("prod"), DeployFixture.cleanGate(), body(0),
                List.of(fx.exchange()));
        DeploymentOutcome o = DeploymentOutcome.of(s);
        assertThat(o.status()).isEqualTo(DeploymentOutcome.Status.FAILED);
        assertThat(o.reason()).contains("FAILED at revoke:").contains("deploy key (revocation failed");
        assertThat(s.result(Phase.RECORD).orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
        assertNoSecretAnywhere(s);
    }

    @Test
    void shouldRefuseToPromoteADigestThatNeverPassedTheRequiredEnvironmentNamingBothDigests() throws Exception {
        fx = new DeployFixture(dir);
        Environment staging = Environment.open("staging");
        Environment prod = new Environment("prod", "staging", "", Optional.empty(), Optional.empty());
        // staging got another build of the app
        DeploymentRequest other = fx.request(staging, DeployFixture.cleanGate(), body(0), List.of());
        byte[] older = "the previous artifact\n".getBytes(StandardCharsets.UTF_8);
        deploy(new DeploymentRequest("carol", DeploymentKind.DEPLOY, staging, io.jenkins.plugins.securedeploy.engine
                .sign.ArtifactSource.of(older, "app.bin"), Optional.empty(), "", List.of(), other.gate(),
                other.context(), List.of(), other.body(), other.history()));

        bodyRuns.set(0);
        DeploymentState s = deploy(prod, DeployFixture.cleanGate(), body(0), List.of(fx.exchange()));
        String reason = DeploymentOutcome.of(s).reason();
        assertThat(reason).contains("FAILED at verify").contains(Hashing.sha256(DeployFixture.ARTIFACT).toString())
                .contains("never passed staging").contains(Hashing.sha256(older).toString());
        assertNothingIssued(s);

        deploy(staging, DeployFixture.cleanGate(), body(0), List.of());
        DeploymentState promoted = deploy(fx.request(prod, DeployFixture.cleanGate(), body(0), List.of()));
        assertThat(DeploymentOutcome.of(promoted).succeeded()).as(DeploymentOutcome.of(promoted).reason()).isTrue();
        assertThat(fx.history().rollbackTarget("staging").orElseThrow().digest()).isEqualTo(Hashing.sha256(older));
    }

    @Test
    void shouldWaitForApprovalPersistTheStateAndFinishInANewRunner() throws Exception {
        fx = new DeployFixture(dir);
        ApprovalRule rule = ApprovalRule.of(1, List.of("alice")).withTimeout(Duration.ofHours(1));
        Environment prod = new Environment("prod", "", "", Optional.of(rule), Optional.empty());
        DeploymentState waiting = deploy(prod, DeployFixture.cleanGate(), body(0), List.of(fx.exchange()));
        DeploymentOutcome o = DeploymentOutcome.of(waiting);
        assertThat(o.status()).isEqualTo(DeploymentOutcome.Status.WAITING);
        assertThat(waiting.phase()).isEqualTo(Phase.APPROVE);
        assertThat(fx.minted).as("no credentials while waiting").hasValue(0);

        DeploymentState restored = roundTrip(waiting);
        assertThat(restored).isEqualTo(waiting);
        String id = restored.approvalId();
        assertThat(id).isEqualTo(ApprovalPhase.ledgerId(restored)).isEqualTo("app-42/prod");
        ApprovalLedger ledger = fx.ledgers.get(id);
        fx.ledgers.put(id, ledger.vote(Ballot.approve("alice", "looks right", ledger.request().shown().fingerprint()),
                StaticApproverDirectory.of(StaticApproverDirectory.member("alice")), fx.clock).ledger());

        DeploymentState done;
        try (AuditLog audit = fx.audit()) {
            DeploymentRunner next = new DeploymentRunner(fx.services(audit), fx.request(prod,
                    DeployFixture.cleanGate(), body(0), List.of(fx.exchange())));
            done = next.run(restored, s -> { });
        }
        assertThat(DeploymentOutcome.of(done).succeeded()).as(DeploymentOutcome.of(done).reason()).isTrue();
        assertThat(done.result(Phase.APPROVE).orElseThrow().reason()).contains("APPROVED by alice");
        assertThat(fx.revoked).hasValue(1);
        assertThat(fx.evidence.contents()).containsKey("deployments/app-42/bundle/approval/approval-ledger.json");
        assertThat(fx.evidence.contents()).as("a new runner told nothing of the gate has no scan statement")
                .doesNotContainKey("deployments/app-42/attestations/scan.intoto.json");
    }

    @Test
    void shouldCarryTheGateEvidenceIntoTheBundleWhenANewRunnerResumesAfterTheApproval() throws Exception {
        fx = new DeployFixture(dir);
        ApprovalRule rule = ApprovalRule.of(1, List.of("alice")).withTimeout(Duration.ofHours(1));
        Environment prod = new Environment("prod", "", "", Optional.of(rule), Optional.empty());
        DeploymentState waiting;
        Map<String, byte[]> gateFiles;
        try (AuditLog audit = fx.audit()) {
            DeploymentRunner first = new DeploymentRunner(fx.services(audit), fx.request(prod,
                    DeployFixture.cleanGate(), body(0), List.of()));
            waiting = first.run(first.start("app-42"), s -> { });
            gateFiles = first.gateEvidence();
        }
        assertThat(waiting.phase()).isEqualTo(Phase.APPROVE);
        assertThat(gateFiles).containsKey(GateService.JSON);
        assertThat(gateFiles.get(GateService.JSON)).isEqualTo(fx.evidence.content("deployments/app-42/gate/"
                + GateService.JSON));
        ApprovalLedger ledger = fx.ledgers.get(waiting.approvalId());
        fx.ledgers.put(waiting.approvalId(), ledger.vote(Ballot.approve("alice", "looks right",
                ledger.request().shown().fingerprint()), StaticApproverDirectory.of(StaticApproverDirectory
                        .member("alice")), fx.clock).ledger());

        Map<String, byte[]> restored = new HashMap<>(gateFiles);
        byte[] json = gateFiles.get(GateService.JSON).clone();
        DeploymentState done;
        try (AuditLog audit = fx.audit()) {
            DeploymentRunner next = new DeploymentRunner(fx.services(audit), fx.request(prod,
                    DeployFixture.cleanGate(), body(0), List.of()));
            assertThat(next.gateEvidence()).isEmpty();
            next.restoreGateEvidence(restored);
            restored.clear(); // the runner keeps its own copy
            done = next.run(waiting, s -> { });
            assertThat(next.gateEvidence().get(GateService.JSON)).isEqualTo(json);
        }
        assertThat(DeploymentOutcome.of(done).succeeded()).as(DeploymentOutcome.of(done).reason()).isTrue();
        assertThat(done.results()).extracting(PhaseResult::phase).containsOnlyOnce(Phase.GATE);
        assertThat(fx.evidence.contents()).containsKey("deployments/app-42/attestations/scan.intoto.json");
        assertThat(fx.evidence.contents().keySet()).anyMatch(k -> k.startsWith("deployments/app-42/bundle/")
                && k.endsWith("/" + GateService.JSON));
        assertNoSecretAnywhere(done);
    }

    @Test
    void shouldRefuseTheApprovalOfTheActorAndOfACommitAuthorOfTheDeployedChange() throws Exception {
        fx = new DeployFixture(dir);
        ApprovalRule rule = ApprovalRule.of(1, List.of("alice", "bob", "carol")).withTimeout(Duration.ofHours(1));
        Environment prod = new Environment("prod", "", "", Optional.of(rule), Optional.empty());
        DeploymentRequest request = fx.request(prod, DeployFixture.cleanGate(), body(0), List.of())
                .withCommitAuthors(List.of("bob"));
        assertThat(request.commitAuthors()).containsExactly("bob");
        assertThat(fx.request(prod, DeployFixture.cleanGate(), body(0), List.of()).commitAuthors()).isEmpty();
        DeploymentState waiting = deploy(request);
        ApprovalLedger ledger = fx.ledgers.get(waiting.approvalId());
        assertThat(ledger.request().triggeredBy()).isEqualTo(request.actor());
        assertThat(ledger.request().commitAuthors()).containsExactly("bob");
        var directory = StaticApproverDirectory.of(StaticApproverDirectory.member("alice"),
                StaticApproverDirectory.member("bob"), StaticApproverDirectory.member("carol"));
        var shown = ledger.request().shown().fingerprint();
        var byAuthor = ledger.vote(Ballot.approve("bob", "my change, looks right", shown), directory, fx.clock);
        assertThat(byAuthor.accepted()).isFalse();
        assertThat(byAuthor.refusal()).contains("commit author");
        var byActor = byAuthor.ledger().vote(Ballot.approve(request.actor(), "I started it", shown), directory,
                fx.clock);
        assertThat(byActor.accepted()).isFalse();
        assertThat(byActor.ledger().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void shouldLetTheHostRunTheBodyBetweenCredentialsAndRevokeWithItsAuditLogClosedMeanwhile() throws Exception {
        fx = new DeployFixture(dir);
        HostBody body = new HostBody();
        DeploymentRunner runner;
        DeploymentState atDeploy;
        try (AuditLog audit = fx.audit()) {
            runner = new DeploymentRunner(fx.services(audit), fx.request(Environment.open("staging"),
                    DeployFixture.cleanGate(), body, List.of(fx.exchange())));
            atDeploy = runner.runUntil(runner.start("app-42"), Phase.DEPLOY, s -> { });
        }
        assertThat(atDeploy.phase()).isEqualTo(Phase.DEPLOY);
        assertThat(atDeploy.credentialsIssued()).isTrue();
        assertThat(runner.credentials().orElseThrow().names()).containsExactly("DEPLOY_TOKEN");
        assertThat(fx.revoked).as("nothing revoked while the host's body runs").hasValue(0);

        body.finished(0); // the host's body ran with runner.credentials()
        DeploymentState done;
        try (AuditLog audit = fx.audit()) {
            runner.resumeWith(fx.services(audit));
            done = runner.run(atDeploy, s -> { });
        }
        DeploymentOutcome o = DeploymentOutcome.of(done);
        assertThat(o.succeeded()).as(o.reason()).isTrue();
        assertThat(done.results()).extracting(PhaseResult::phase).containsExactly(Phase.VERIFY, Phase.GATE,
                Phase.APPROVE, Phase.CREDENTIALS, Phase.DEPLOY, Phase.REVOKE, Phase.ATTEST, Phase.RECORD);
        assertThat(fx.revoked).as("the session of the first leg revoked its lease").hasValue(1);
        assertThat(fx.evidence.contents()).containsKey("deployments/app-42/attestations/scan.intoto.json");
        assertThat(AuditVerifier.chainOnly().verify(fx.auditFile).isIntact()).as("one chain over both opens")
                .isTrue();
        assertNoSecretAnywhere(done);
    }

    @Test
    void shouldRecordAFailedOrUnreportedHostBodyAndStillRevoke() throws Exception {
        for (Integer exit : new Integer[] {3, null}) {
            fx = new DeployFixture(dir.resolve(exit == null ? "unreported" : "failed"));
            HostBody body = new HostBody();
            DeploymentState done;
            try (AuditLog audit = fx.audit()) {
                DeploymentRunner runner = new DeploymentRunner(fx.services(audit), fx.request(
                        Environment.open("staging"), DeployFixture.cleanGate(), body, List.of(fx.exchange())));
                DeploymentState atDeploy = runner.runUntil(runner.start("app-42"), Phase.DEPLOY, s -> { });
                if (exit != null) {
                    body.finished(exit);
                }
                done = runner.run(atDeploy, s -> { });
            }
            DeploymentOutcome o = DeploymentOutcome.of(done);
            assertThat(o.reason()).contains(exit == null ? "ERROR at deploy: the host did not report"
                    : "FAILED at deploy: the deploy command exited 3");
            assertThat(fx.revoked).hasValue(1);
            assertThat(done.isDone()).isTrue();
        }
    }

    @Test
    void shouldTreatARejectedOrExpiredApprovalAsFailed() throws Exception {
        fx = new DeployFixture(dir);
        ApprovalRule rule = ApprovalRule.of(1, List.of("alice")).withTimeout(Duration.ofHours(1));
        Environment prod = new Environment("prod", "", "", Optional.of(rule), Optional.empty());
        DeploymentState waiting = deploy(prod, DeployFixture.cleanGate(), body(0), List.of(fx.exchange()));
        fx.clock = Clock.offset(DeployFixture.CLOCK, Duration.ofHours(2));
        DeploymentState expired;
        try (AuditLog audit = fx.audit()) {
            expired = new DeploymentRunner(fx.services(audit), fx.request(prod, DeployFixture.cleanGate(), body(0),
                    List.of(fx.exchange()))).run(waiting, s -> { });
        }
        assertThat(DeploymentOutcome.of(expired).reason()).contains("FAILED at approve:").contains("EXPIRED");
        assertThat(fx.ledgers.values()).extracting(ApprovalLedger::status).containsExactly(ApprovalStatus.EXPIRED);
        assertNothingIssued(expired);
    }

    private void assertNothingIssued(DeploymentState s) {
        assertThat(fx.minted).as("no ID token minted").hasValue(0);
        assertThat(bodyRuns).as("the deploy command never ran").hasValue(0);
        assertThat(s.issued()).isEmpty();
        assertThat(s.results()).extracting(PhaseResult::phase).doesNotContain(Phase.CREDENTIALS, Phase.DEPLOY);
        assertThat(s.isDone()).isTrue();
    }

    private static DeploymentState roundTrip(DeploymentState s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (DeploymentState) in.readObject();
        }
    }
}
