package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentOutcome;
import io.jenkins.plugins.securedeploy.engine.deploy.Phase;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseResult;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's deployment once the gate passes (after the fix): approval, credentials, deploy, bundle. */
class DemoDeploymentTest {
    @TempDir
    Path out;

    @Test
    void shouldGoThroughApprovalCredentialsAndRecordOnceTheGatePasses() throws Exception {
        SecretCanary canary = SecretCanary.create();
        List<String> console = new ArrayList<>();
        DemoDeployment.Result r = new DemoDeployment(Clock.systemUTC()).run(ArtifactSource.of(
                "release\n".getBytes(StandardCharsets.UTF_8), "app.txt"), GateRequest.of(List.of()), out,
                List.of(SecretValue.of(canary.value())), console::add);
        assertThat(r.outcome().status()).as(r.outcome().reason()).isEqualTo(DeploymentOutcome.Status.SUCCEEDED);
        assertThat(r.state().results()).extracting(PhaseResult::phase).containsExactly(Phase.VERIFY, Phase.GATE,
                Phase.APPROVE, Phase.CREDENTIALS, Phase.DEPLOY, Phase.REVOKE, Phase.ATTEST, Phase.RECORD);
        assertThat(r.state().result(Phase.APPROVE).orElseThrow().reason()).contains("APPROVED by demo-approver");
        assertThat(console).anySatisfy(l -> assertThat(l).contains("approves (simulated)"))
                .anySatisfy(l -> assertThat(l).contains("with DEPLOY_TOKEN set"));
        CliRun verify = CliRun.of("verify-bundle", r.bundle() + ".tar.gz", "--keyid", r.keyId());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        canary.assertAbsentFromDirectory(out);
    }
}
