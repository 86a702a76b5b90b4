package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy}, {@code promote}, {@code rollback} through the CLI, each failure point with its exit code. */
class DeployCommandTest {
    @TempDir
    Path dir;

    private Path key;
    private Path policy;
    private Path artifact;
    private Path state;
    private Path members;

    @BeforeEach
    void setUp() throws Exception {
        key = Files.write(dir.resolve("deploy.pem"), SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"));
        policy = Files.writeString(dir.resolve("policy.yml"), "version: 1\n"
                + "environments:\n"
                + "  staging:\n"
                + "    credentials: {provider: local, audience: deploy-staging, variable: DEPLOY_TOKEN}\n"
                + "  prod:\n"
                + "    requires: staging\n"
                + "    approval: {required: 1, approvers: [alice], timeout: PT1H}\n"
                + "    credentials: {provider: local, audience: deploy-prod, variable: DEPLOY_TOKEN}\n");
        artifact = Files.writeString(dir.resolve("app.txt"), "release 1\n");
        state = dir.resolve("state");
        members = Files.writeString(dir.resolve("members.yml"), "users:\n  alice: {groups: [release]}\n");
    }

    private CliRun run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private String[] common(String id, String... more) {
        List<String> a = new ArrayList<>(List.of("--artifact", artifact.toString(), "--policy", policy.toString(),
                "--key-file", key.toString(), "--state-dir", state.toString(), "--id", id, "--actor", "carol"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private String[] cmd(String[] options, String... command) {
        List<String> a = new ArrayList<>(List.of(options));
        a.add("--");
        a.addAll(List.of(command));
        return a.toArray(String[]::new);
    }

    /** A deploy command that keeps the token it was given (to prove it is nowhere else) and prints it. */
    private String[] keepingToken(String name) {
        return new String[] {"sh", "-c", "printf %s \"$DEPLOY_TOKEN\" > '" + dir.resolve(name) + "'; echo \"token "
                + "$DEPLOY_TOKEN\""};
    }

    @Test
    void shouldDeployPromoteAfterApprovalInANewRunAndKeepTheTokenOutOfEveryOutput() throws Exception {
        CliRun staging = run("deploy", cmd(common("app-1", "--env", "staging"), keepingToken("t1")));
        assertThat(staging.exitCode()).as(staging.out() + staging.err()).isZero();
        assertThat(staging.out()).contains("token ****").contains("credentials PASSED").contains("revoke PASSED")
                .contains("to staging SUCCEEDED");

        CliRun waiting = run("promote", cmd(common("app-2", "--from", "staging", "--to", "prod"),
                keepingToken("t2")));
        assertThat(waiting.exitCode()).as(waiting.out() + waiting.err()).isEqualTo(DeployRun.WAITING);
        assertThat(waiting.out()).contains("waiting at approve").doesNotContain("credentials");
        assertThat(dir.resolve("t2")).doesNotExist();
        Path ledger = state.resolve("deployments/app-2/approval.json");
        assertThat(ledger).exists();
        assertThat(state.resolve("deployments/app-2/state.json")).content(StandardCharsets.UTF_8)
                .contains("\"phase\" : \"APPROVE\"");

        CliRun self = run("approve", "--ledger", ledger.toString(), "--members", members.toString(), "--approver",
                "carol", "--approve", "--reason", "mine");
        assertThat(self.exitCode()).isEqualTo(1);
        CliRun vote = run("approve", "--ledger", ledger.toString(), "--members", members.toString(), "--approver",
                "alice", "--approve", "--reason", "staging looks good");
        assertThat(vote.exitCode()).as(vote.out() + vote.err()).isZero();

        CliRun done = run("promote", cmd(common("app-2", "--from", "staging", "--to", "prod", "--resume", "app-2"),
                keepingToken("t2")));
        assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("approve PASSED: APPROVED by alice").contains("to prod SUCCEEDED");
        CliRun audit = run("audit", "verify", "--log", state.resolve("audit.log").toString(), "--public-key",
                Files.write(dir.resolve("deploy.pub"), SignFixtures.resource("keys/test-p256.pub.pem")).toString());
        assertThat(audit.out()).startsWith("INTACT");
        CliRun bundle = run("verify-bundle", state.resolve("deployments/app-2/bundle.tar.gz").toString(), "--key",
                dir.resolve("deploy.pub").toString());
        assertThat(bundle.exitCode()).as(bundle.out() + bundle.err()).isZero();

        for (String t : List.of("t1", "t2")) {
            SecretCanary token = SecretCanary.of(Files.readString(dir.resolve(t), StandardCharsets.UTF_8));
            assertThat(token.value()).startsWith("eyJ");
            for (CliRun r : List.of(staging, waiting, vote, done)) {
                token.assertAbsent("CLI output", r.out() + r.err());
            }
            token.assertAbsentFromDirectory(state);
        }
    }

    @Test
    void shouldRefuseToPromoteADigestThatNeverPassedStagingNamingBothDigests() throws Exception {
        assertThat(run("deploy", cmd(common("app-1", "--env", "staging"), "true")).exitCode()).isZero();
        Path other = Files.writeString(dir.resolve("other.txt"), "release 2\n");
        artifact = other;
        CliRun r = run("deploy", cmd(common("app-2", "--env", "prod"), "touch", dir.resolve("ran").toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED at verify: artifact " + Hashing.sha256("release 2\n".getBytes(
                StandardCharsets.UTF_8)) + " never passed staging").contains("the last digest that passed staging is "
                + Hashing.sha256("release 1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(dir.resolve("ran")).doesNotExist();
    }

    @Test
    void shouldStopAtTheGateAtABadSignatureAndReportADeployCommandThatFailed() throws Exception {
        Path report = Files.writeString(dir.resolve("scan.json"), "{\"format\": \"secure-deploy-findings\", "
                + "\"version\": 1, \"results\": [{\"tool\": \"mytool\", \"findings\": [{\"ruleId\": \"r1\", "
                + "\"severity\": \"critical\", \"fingerprint\": \"one\", \"title\": \"rce\"}]}]}");
        CliRun gate = run("deploy", cmd(common("g", "--env", "staging", "--report", report.toString()), "touch",
                dir.resolve("ran").toString()));
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains("FAILED at gate: FAILED thresholds.total.critical")
                .doesNotContain("credentials");
        assertThat(dir.resolve("ran")).doesNotExist();

        Path pin = Files.writeString(dir.resolve("app.txt.sha256"), Hashing.sha256("something else".getBytes(
                StandardCharsets.UTF_8)) + "\n");
        CliRun sig = run("deploy", cmd(common("s", "--env", "staging", "--signature", pin.toString()), "touch",
                dir.resolve("ran").toString()));
        assertThat(sig.exitCode()).isEqualTo(1);
        assertThat(sig.out()).contains("FAILED at verify:");
        assertThat(dir.resolve("ran")).doesNotExist();

        CliRun body = run("deploy", cmd(common("b", "--env", "staging"), "sh", "-c", "exit 7"));
        assertThat(body.exitCode()).isEqualTo(1);
        assertThat(body.out()).contains("FAILED at deploy: the deploy command exited 7").contains("revoke PASSED")
                .contains("record PASSED");

        CliRun unknown = run("deploy", cmd(common("u", "--env", "qa"), "true"));
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("environment 'qa' is not declared (declared: staging, prod)");
    }

    @Test
    void shouldRollBackOnlyToTheLastDigestBeforeTheCurrentOne() throws Exception {
        assertThat(run("deploy", cmd(common("r1", "--env", "staging"), "true")).exitCode()).isZero();
        Path first = artifact;
        artifact = Files.writeString(dir.resolve("app2.txt"), "release 2\n");
        assertThat(run("deploy", cmd(common("r2", "--env", "staging"), "true")).exitCode()).isZero();
        CliRun wrong = run("rollback", cmd(common("r3", "--env", "staging"), "true"));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("not the recorded " + Hashing.sha256("release 1\n".getBytes(
                StandardCharsets.UTF_8)));
        artifact = first;
        CliRun back = run("rollback", cmd(common("r4", "--env", "staging"), "true"));
        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        assertThat(back.out()).contains("rollback of app.txt").contains("SUCCEEDED");
    }
}
