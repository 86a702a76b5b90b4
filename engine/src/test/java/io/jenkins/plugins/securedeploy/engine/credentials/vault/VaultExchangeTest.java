package io.jenkins.plugins.securedeploy.engine.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.BrokeredResult;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialsKit;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VaultExchangeTest {
    private final CredentialsKit kit = new CredentialsKit();
    private final LoopbackServer vault = VaultServer.start(kit, kit.canary.value());

    @AfterEach
    void stop() {
        vault.close();
    }

    private VaultExchange exchange(VaultSettings.SecretKind kind, String path, Map<String, String> env) {
        return new VaultExchange(new VaultSettings(vault.uri(), "", "jwt", "deploy", VaultServer.AUD, kind, path, env,
                false, CredentialsKit.fastHttp()), kit.clock);
    }

    private VaultExchange database() {
        return exchange(VaultSettings.SecretKind.DYNAMIC, "database/creds/app",
                Map.of("DB_USER", "username", "DB_PASSWORD", "password"));
    }

    @Test
    void shouldLogInReadADynamicSecretAndRevokeLeaseThenToken() throws Exception {
        BrokeredResult<String> result = kit.broker().run(List.of(database()), env -> {
            assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).as("nothing revoked while the body runs").isEmpty();
            return env.secrets().get("DB_PASSWORD").reveal() + "|" + env.secrets().get("DB_USER").reveal();
        });
        assertThat(result.valueOrThrow()).isEqualTo(kit.canary.value() + "|v-jwt-app-x1");

        LoopbackServer.Call login = vault.calls("POST", "/v1/auth/jwt/login").get(0);
        assertThat(login.body()).contains("\"role\":\"deploy\"", "\"jwt\":\"eyJ");
        assertThat(vault.calls("GET", "/v1/database/creds/app").get(0).header("X-Vault-Token"))
                .isEqualTo(VaultServer.VAULT_TOKEN);
        List<String> order = vault.calls().stream().map(c -> c.method() + " " + c.path()).toList();
        assertThat(order).containsExactly("POST /v1/auth/jwt/login", "GET /v1/database/creds/app",
                "PUT /v1/sys/leases/revoke", "POST /v1/auth/token/revoke-self");
        assertThat(vault.calls("PUT", "/v1/sys/leases/revoke").get(0).body())
                .isEqualTo("{\"lease_id\":\"" + VaultServer.LEASE_ID + "\"}");
        assertThat(result.revocations().records()).extracting(r -> r.outcome() + " " + r.lease() + " " + r.detail())
                .containsExactly("REVOKED database/creds/app lease PUT /v1/sys/leases/revoke -> 204",
                        "REVOKED token (auth/jwt, role deploy) POST /v1/auth/token/revoke-self -> 204");
        assertThat(kit.masked).contains(SecretValue.of(kit.canary.value()), SecretValue.of(VaultServer.VAULT_TOKEN),
                SecretValue.of(VaultServer.LEASE_ID));
        String records = result.revocations().toMaps().toString() + kit.log.lines();
        kit.assertNoCanary(result.revocations());
        assertThat(records).doesNotContain(VaultServer.VAULT_TOKEN, VaultServer.LEASE_ID, "eyJ");
    }

    @Test
    void shouldRevokeEverythingWhenTheBodyThrows() throws Exception {
        BrokeredResult<Object> result = kit.broker().run(List.of(database()), env -> {
            throw new IllegalStateException("deploy failed");
        });
        assertThat(result.failure()).isInstanceOf(IllegalStateException.class).hasMessage("deploy failed");
        assertThatThrownBy(result::valueOrThrow).isInstanceOf(IllegalStateException.class);
        assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).hasSize(1);
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).hasSize(1);
        assertThat(result.revocations().records()).extracting(r -> r.outcome()).containsOnly(Outcome.REVOKED);
    }

    @Test
    void shouldRevokeEverythingWhenTheBodyIsInterruptedAndKeepTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<BrokeredResult<Object>> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread build = new Thread(() -> {
            try {
                result.set(kit.broker().run(List.of(database()), env -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return "not reached";
                }));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                throw new AssertionError("open was interrupted", e);
            }
        });
        build.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        build.interrupt();
        build.join(30_000);
        assertThat(result.get().failure()).isInstanceOf(InterruptedException.class);
        assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).hasSize(1);
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).hasSize(1);
        assertThat(result.get().revocations().hasFailures()).isFalse();
    }

    @Test
    void shouldReadKvV2AndRecordThatTheValueHasNoLease() throws Exception {
        BrokeredResult<String> result = kit.broker().run(List.of(exchange(VaultSettings.SecretKind.KV2,
                "secret/app/deploy", Map.of())), env -> String.join(",", env.names()));
        assertThat(result.valueOrThrow()).isEqualTo("VAULT_API_KEY");
        assertThat(result.revocations().records()).extracting(r -> r.outcome())
                .containsExactly(Outcome.EXPIRES, Outcome.REVOKED);
        assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).isEmpty();
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).hasSize(1);
    }

    @Test
    void shouldFailClosedWithVaultsErrorWhenLoginIsRefusedAndNeverRunTheBody() {
        VaultExchange wrongRole = new VaultExchange(new VaultSettings(vault.uri(), "", "jwt", "admin", VaultServer.AUD,
                null, "database/creds/app", Map.of(), false, CredentialsKit.fastHttp()), kit.clock);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> kit.broker().run(List.of(wrongRole), env -> ran.getAndSet(true)))
                .isInstanceOf(CredentialExchangeException.class)
                .hasMessage("vault: login at auth/jwt (role admin) refused: role \"admin\" could not be found"
                        + " (HTTP 400)");
        assertThat(ran).isFalse();
        assertThat(vault.calls("POST", "/v1/auth/jwt/login")).as("a 400 is an answer, not retried").hasSize(1);
        assertThat(vault.calls()).hasSize(1);
    }

    @Test
    void shouldRejectATokenForAnotherAudienceLikeVaultDoes() {
        VaultExchange wrongAudience = new VaultExchange(new VaultSettings(vault.uri(), "", "jwt", "deploy",
                "sts.amazonaws.com", null, "database/creds/app", Map.of(), false, CredentialsKit.fastHttp()),
                kit.clock);
        assertThatThrownBy(() -> kit.broker().open(List.of(wrongAudience)))
                .hasMessageContaining("invalid audience (aud) claim (HTTP 400)");
    }

    @Test
    void shouldRevokeTheVaultTokenWhenTheReadFails() {
        vault.on("GET", "/v1/database/creds/app", VaultServer.denied());
        CredentialExchangeException e = org.junit.jupiter.api.Assertions.assertThrows(
                CredentialExchangeException.class, () -> kit.broker().open(List.of(database())));
        assertThat(e).hasMessage("vault: read of database/creds/app refused: permission denied (HTTP 403)");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.provider()).isEqualTo("vault");
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).hasSize(1);
    }

    @Test
    void shouldRetry5xxAndThrottlingButGiveUpAfterTheAttempts() throws Exception {
        vault.on("POST", "/v1/auth/jwt/login", Reply.json(503, "{\"errors\":[\"Vault is sealed\"]}"),
                Reply.json(429, "{\"errors\":[\"request path: rate limit quota exceeded\"]}").withHeader("Retry-After",
                        "0"), Reply.json(200, "{\"auth\":{\"client_token\":\"" + VaultServer.VAULT_TOKEN
                        + "\",\"lease_duration\":60}}"));
        kit.broker().run(List.of(database()), env -> null).valueOrThrow();
        assertThat(vault.calls("POST", "/v1/auth/jwt/login")).hasSize(3);

        vault.on("POST", "/v1/auth/jwt/login", Reply.json(429, "{\"errors\":[\"rate limit quota exceeded\"]}"));
        assertThatThrownBy(() -> kit.broker().open(List.of(database())))
                .hasMessage("vault: POST /v1/auth/jwt/login still throttled after 3 attempts (HTTP 429)");
    }

    @Test
    void shouldFailClosedOnATimeoutWithoutRetrying() {
        vault.on("POST", "/v1/auth/jwt/login", Reply.json(200, "{}").after(Duration.ofSeconds(2)));
        VaultExchange impatient = new VaultExchange(new VaultSettings(vault.uri(), "", "jwt", "deploy", VaultServer.AUD,
                null, "database/creds/app", Map.of(), false, CredentialsKit.impatientHttp()), kit.clock);
        assertThatThrownBy(() -> kit.broker().open(List.of(impatient)))
                .isInstanceOf(CredentialExchangeException.class)
                .hasMessage("vault: POST /v1/auth/jwt/login got no answer within 500 ms");
        assertThat(vault.calls("POST", "/v1/auth/jwt/login")).hasSize(1);
    }

    @Test
    void shouldRecordAFailedRevocationWithItsStatusAndNoSecret() throws Exception {
        vault.on("PUT", "/v1/sys/leases/revoke", Reply.json(500, "{\"errors\":[\"failed to revoke "
                + VaultServer.LEASE_ID + "\"]}"));
        BrokeredResult<Object> result = kit.broker().run(List.of(database()), env -> null);
        assertThat(result.revocations().failures()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.detail()).isEqualTo("vault: PUT /v1/sys/leases/revoke still failing after 3 attempts (HTTP 500)");
        });
        assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).as("retried").hasSize(3);
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).as("the token is still revoked").hasSize(1);
        assertThat(kit.log.errors()).singleElement().asString().startsWith("credentials: FAILED vault");
        assertThat(result.revocations().toMaps().toString()).doesNotContain(VaultServer.LEASE_ID);
    }

    @Test
    void shouldExportTheTokenOnlyWhenAsked() throws Exception {
        VaultExchange withToken = new VaultExchange(new VaultSettings(vault.uri(), "ns1", null, "deploy",
                VaultServer.AUD, VaultSettings.SecretKind.KV2, "/secret/app/deploy/", Map.of("API", "api_key"), true,
                CredentialsKit.fastHttp()), kit.clock);
        var names = kit.broker().run(List.of(withToken), env -> env.names()).valueOrThrow();
        assertThat(names).containsExactlyInAnyOrder("VAULT_TOKEN", "VAULT_ADDR", "API");
        assertThat(vault.calls().get(0).header("X-Vault-Namespace")).isEqualTo("ns1");
    }

    @Test
    void shouldRefuseAMissingFieldAndBadPaths() {
        VaultExchange missing = exchange(VaultSettings.SecretKind.DYNAMIC, "database/creds/app",
                Map.of("TOKEN", "token"));
        assertThatThrownBy(() -> kit.broker().open(List.of(missing)))
                .hasMessage("vault: read of database/creds/app has no string field 'token' for TOKEN (HTTP 200)");
        assertThat(vault.calls("POST", "/v1/auth/token/revoke-self")).hasSize(1);
        assertThatThrownBy(() -> exchange(null, "../sys/raw", Map.of())).hasMessageContaining("'..'");
    }
}
