package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code creds exec} with a real child process: credentials in its environment, masked output, revoked after. */
class CredsCommandTest {
    static final String ISSUER = "https://ci.example.com/oidc";
    static final String VAULT_TOKEN = "hvs.cli-test-token-0123456789abcdef";

    @TempDir
    Path dir;

    private final SecretCanary canary = SecretCanary.create();
    private final LoopbackServer vault = new LoopbackServer();

    @BeforeEach
    void keys() {
        CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", dir.resolve("keys.json").toString());
        vault.on("POST", "/v1/auth/jwt/login", Reply.json(200, "{\"auth\":{\"client_token\":\"" + VAULT_TOKEN
                + "\",\"lease_duration\":600}}"));
        vault.on("GET", "/v1/database/creds/app", Reply.json(200, "{\"lease_id\":\"database/creds/app/l-1234567890\","
                + "\"lease_duration\":300,\"data\":{\"username\":\"u1\",\"password\":\""
                + canary.value().replace("\"", "\\\"") + "\"}}"));
        vault.on("PUT", "/v1/sys/leases/revoke", Reply.empty(204));
        vault.on("POST", "/v1/auth/token/revoke-self", Reply.empty(204));
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private String[] exec(String... tail) {
        String[] head = {"creds", "exec", "--issuer", ISSUER, "--keys", dir.resolve("keys.json").toString()};
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void shouldRunTheCommandWithVaultCredentialsMaskItsOutputRevokeAndExitWithItsCode() throws Exception {
        Path proof = dir.resolve("revocations.json");
        CliRun run = CliRun.of(exec("--provider", "vault", "--vault-addr", vault.uri().toString(), "--vault-role",
                "deploy", "--vault-secret", "database/creds/app", "--vault-env", "DB_PASSWORD=password",
                "--revocations", proof.toString(), "--", "sh", "-c",
                "echo \"user sees $DB_PASSWORD\"; echo \"to stderr $DB_PASSWORD\" >&2; exit 7"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
        assertThat(run.out()).isEqualTo("user sees ****\n");
        assertThat(run.err()).contains("to stderr ****", "REVOKED vault database/creds/app lease",
                "REVOKED vault token (auth/jwt, role deploy)");
        assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).hasSize(1);
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).hasSize(1);
        assertThat(Files.readString(proof)).contains("\"outcome\" : \"REVOKED\"", "\"provider\" : \"vault\"");
        canary.assertAbsent("stdout", run.out());
        canary.assertAbsent("stderr", run.err());
        canary.assertAbsentFromDirectory(dir);
        assertThat(run.out() + run.err() + Files.readString(proof)).doesNotContain(VAULT_TOKEN, "l-1234567890",
                "eyJ");
    }

    @Test
    void shouldExitThreeAndNotRunTheCommandWhenTheExchangeFails() {
        vault.on("POST", "/v1/auth/jwt/login", Reply.json(403, "{\"errors\":[\"permission denied\"]}"));
        Path marker = dir.resolve("ran");
        CliRun run = CliRun.of(exec("--provider", "vault", "--vault-addr", vault.uri().toString(), "--vault-role",
                "deploy", "--vault-secret", "database/creds/app", "--", "touch", marker.toString()));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("vault: login at auth/jwt (role deploy) refused: permission denied (HTTP 403)",
                "nothing was issued, the command did not run");
        assertThat(marker).doesNotExist();
    }

    @Test
    void shouldHandTheLocalTokenToTheCommandMasked() {
        CliRun run = CliRun.of(exec("--provider", "local", "--audience", "demo", "--job", "demo/app", "--", "sh", "-c",
                "echo token=$SECURE_DEPLOY_ID_TOKEN; test -n \"$SECURE_DEPLOY_ID_TOKEN\""));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("token=****\n");
        assertThat(run.err()).contains("EXPIRES local ID token").contains("minted an ID token for audience demo");
    }

    @Test
    void shouldNameAMissingProviderOption() {
        CliRun run = CliRun.of(exec("--provider", "aws", "--region", "eu-west-1", "--", "true"));
        assertThat(run.exitCode()).as("a missing option is a usage error").isEqualTo(2);
        assertThat(run.err()).contains("--provider aws needs --role-arn");
    }
}
