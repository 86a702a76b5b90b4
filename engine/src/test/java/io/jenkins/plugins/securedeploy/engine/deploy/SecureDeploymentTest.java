package io.jenkins.plugins.securedeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecureDeploymentTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    private static DeploymentState start() {
        return SecureDeployment.start("d-1", DeploymentKind.DEPLOY, "prod", "app.bin",
                Hashing.sha256("x".getBytes(StandardCharsets.UTF_8)), T);
    }

    private static DeploymentState through(DeploymentState s, PhaseStatus... statuses) {
        DeploymentState current = s;
        for (PhaseStatus st : statuses) {
            current = SecureDeployment.advance(current, new PhaseResult(current.phase(), st, "why", T),
                    List.of("lease"));
        }
        return current;
    }

    @Test
    void shouldAskForEveryPhaseInOrderWhenAllPass() {
        DeploymentState s = start();
        assertThat(s.phase()).isEqualTo(Phase.VERIFY);
        DeploymentState done = through(s, PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.SKIPPED,
                PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.PASSED);
        assertThat(done.isDone()).isTrue();
        assertThat(done.issued()).containsExactly("lease");
        assertThat(DeploymentOutcome.of(done).succeeded()).isTrue();
    }

    @Test
    void shouldGoStraightToRecordOnAnyFailureBeforeCredentials() {
        for (int failAt = 0; failAt < 4; failAt++) {
            DeploymentState s = start();
            for (int i = 0; i < failAt; i++) {
                s = through(s, PhaseStatus.PASSED);
            }
            Phase failing = s.phase();
            s = through(s, PhaseStatus.FAILED);
            assertThat(s.phase()).as("after " + failing).isEqualTo(Phase.RECORD);
            assertThat(s.credentialsIssued()).isFalse();
            s = through(s, PhaseStatus.PASSED);
            DeploymentOutcome o = DeploymentOutcome.of(s);
            assertThat(o.status()).isEqualTo(DeploymentOutcome.Status.FAILED);
            assertThat(o.phase()).contains(failing);
            assertThat(o.reason()).contains("FAILED at " + failing.id() + ": why");
        }
    }

    @Test
    void shouldRevokeAttestAndRecordWhateverHappensAfterCredentials() {
        DeploymentState s = through(start(), PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.SKIPPED,
                PhaseStatus.PASSED);
        assertThat(s.credentialsIssued()).isTrue();
        s = through(s, PhaseStatus.ERROR);
        assertThat(s.phase()).isEqualTo(Phase.REVOKE);
        s = through(s, PhaseStatus.FAILED);
        assertThat(s.phase()).isEqualTo(Phase.ATTEST);
        s = through(s, PhaseStatus.PASSED, PhaseStatus.PASSED);
        DeploymentOutcome o = DeploymentOutcome.of(s);
        assertThat(o.status()).as("the first failure decides").isEqualTo(DeploymentOutcome.Status.ERROR);
        assertThat(o.phase()).contains(Phase.DEPLOY);
    }

    @Test
    void shouldWaitAtApprovalUntilTheLedgerDecides() {
        DeploymentState s = through(start(), PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.PENDING);
        assertThat(s.phase()).isEqualTo(Phase.APPROVE);
        assertThat(DeploymentOutcome.of(s).status()).isEqualTo(DeploymentOutcome.Status.WAITING);
        assertThat(DeploymentOutcome.of(s).exitCode().code()).as("never 0 while unfinished").isEqualTo(3);
        s = through(s, PhaseStatus.PASSED);
        assertThat(s.waiting()).isEmpty();
        assertThat(s.phase()).isEqualTo(Phase.CREDENTIALS);
    }

    @Test
    void shouldWriteAndReadTheStateBackEqual() {
        DeploymentState s = through(start(), PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.PENDING);
        byte[] json = new DeploymentStateWriter().write(s);
        assertThat(new DeploymentStateReader().read(json, "state.json")).isEqualTo(s);
        assertThatThrownBy(() -> new DeploymentStateReader().read("{\"format\": \"x\"}".getBytes(
                StandardCharsets.UTF_8), "state.json")).hasMessageContaining("state.json")
                .hasMessageContaining("not a secure-deploy deployment state");
        assertThatThrownBy(() -> new DeploymentStateReader().read(new String(json, StandardCharsets.UTF_8)
                .replace("\"VERIFY\"", "\"NOPE\"").getBytes(StandardCharsets.UTF_8), "state.json"))
                .hasMessageContaining("not a valid deployment state");
    }

    @Test
    void shouldRefuseResultsForAnotherPhaseOrAfterTheEnd() {
        DeploymentState s = start();
        assertThatThrownBy(() -> SecureDeployment.advance(s, PhaseResult.passed(Phase.GATE, "", T)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is at verify, not at gate");
        assertThatThrownBy(() -> SecureDeployment.advance(s, PhaseResult.pending(Phase.VERIFY, "", T)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only an approval");
        DeploymentState done = through(s, PhaseStatus.FAILED, PhaseStatus.PASSED);
        assertThatThrownBy(() -> SecureDeployment.advance(done, PhaseResult.passed(Phase.DONE, "", T)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is done");
        assertThatThrownBy(() -> new DeploymentState("bad id", DeploymentKind.DEPLOY, "p", "a",
                s.artifactSha256(), Phase.VERIFY, null, null, null, T)).isInstanceOf(IllegalArgumentException.class);
    }
}
