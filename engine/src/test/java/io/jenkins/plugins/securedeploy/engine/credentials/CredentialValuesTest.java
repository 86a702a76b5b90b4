package io.jenkins.plugins.securedeploy.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value types and helpers of the credentials root package. */
class CredentialValuesTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDescribeOAuthAndGoogleErrorsSafely() {
        SecretValue sent = SecretValue.of("eyJhbGciOiJFUzI1NiJ9.payload.sig");
        assertThat(OAuthErrors.describe(b("{\"error\":\"invalid_grant\"}"), List.of())).isEqualTo("invalid_grant");
        assertThat(OAuthErrors.describe(b("{\"error\":\"invalid_client\",\"error_codes\":[700016],"
                + "\"error_description\":\"app not found\"}"), List.of()))
                .isEqualTo("invalid_client AADSTS700016 - app not found");
        assertThat(OAuthErrors.describe(b("{\"error\":{\"status\":\"NOT_FOUND\"}}"), List.of())).isEqualTo("NOT_FOUND");
        assertThat(OAuthErrors.describe(b("{\"error\":\"x\",\"error_description\":\"token "
                + sent.reveal() + "\"}"), List.of(sent))).isEqualTo("x - (provider message withheld)");
        assertThat(OAuthErrors.describe(b("not json"), List.of())).isEmpty();
    }

    @Test
    void shouldReadProviderJsonAndNameMissingFields() {
        Map<String, Object> json = ProviderJson.object("p", "call", b("{\"a\":\"x\",\"n\":3,\"o\":{},\"l\":[\"s\",1]}"),
                200);
        assertThat(ProviderJson.string("p", "call", json, "a", 200)).isEqualTo("x");
        assertThat(ProviderJson.number("p", "call", json, "n", 200)).isEqualTo(3);
        assertThat(ProviderJson.optionalObject(json, "o")).isPresent();
        assertThat(ProviderJson.optionalObject(json, "a")).isEmpty();
        assertThat(ProviderJson.strings(json, "l")).containsExactly("s");
        assertThat(ProviderJson.strings(json, "a")).isEmpty();
        assertThatThrownBy(() -> ProviderJson.string("p", "call", json, "n", 200))
                .hasMessage("p: call answer lacks the string field 'n' (HTTP 200)");
        assertThatThrownBy(() -> ProviderJson.number("p", "call", json, "a", 201))
                .hasMessage("p: call answer lacks the number field 'a' (HTTP 201)");
        assertThat(ProviderJson.tryObject(b("[1]"))).isEmpty();
    }

    @Test
    void shouldKeepRecordsAndReportsSafeAndOrdered() {
        RevocationRecord revoked = new RevocationRecord("vault", "l", RevocationRecord.Outcome.REVOKED, null,
                TestClocks.NOW, TestClocks.NOW.plusSeconds(60));
        RevocationRecord failed = new RevocationRecord("aws", "s", RevocationRecord.Outcome.FAILED, "aws: x (HTTP 500)",
                TestClocks.NOW, TestClocks.NOW.plusSeconds(60));
        RevocationReport report = new RevocationReport(List.of(revoked, failed));
        assertThat(report.failures()).containsExactly(failed);
        assertThat(report.hasFailures()).isTrue();
        assertThat(RevocationReport.empty().hasFailures()).isFalse();
        assertThat(revoked.describe()).isEqualTo("REVOKED vault l ()");
        assertThat(failed.describe()).isEqualTo("FAILED aws s (aws: x (HTTP 500); expires 2026-01-15T10:01:00Z)");
        assertThat(report.toMaps().get(1)).containsEntry("outcome", "FAILED").containsEntry("at",
                "2026-01-15T10:00:00Z");
    }

    @Test
    void shouldApplyTheEnvironmentAndValidateSettings() {
        Lease lease = Lease.expiring("p", "l", Map.of("S", SecretValue.of("secret-value")), Map.of("P", "plain"),
                TestClocks.NOW, "why").hiding(SecretValue.of("hidden-value"));
        assertThat(lease.isRevocable()).isFalse();
        assertThat(lease.maskedValues()).extracting(SecretValue::reveal).containsExactly("secret-value",
                "hidden-value");
        CredentialEnvironment env = CredentialEnvironment.of(List.of(lease));
        Map<String, String> process = new HashMap<>();
        env.applyTo(process);
        assertThat(process).containsEntry("S", "secret-value").containsEntry("P", "plain");
        assertThat(env.toString()).isEqualTo("CredentialEnvironment[S, P]");
        assertThat(new TokenNeed("a", null, null).extraClaims()).isEmpty();
        assertThatThrownBy(() -> new HttpSettings(Duration.ZERO, Duration.ofSeconds(1), RetryPolicy.none()))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThat(HttpSettings.defaults().retry()).isEqualTo(RetryPolicy.defaults());
        assertThat(MaskHook.none()).isNotNull();
        MaskHook.none().register(SecretValue.of("x"));
    }

    @Test
    void shouldTakeBuildClaimsFromTheHostsBuildContext() {
        BuildContext ctx = new BuildContext("folder/app", "42", "https://ci/job/42/", "abc", "secure-deploy-cli",
                TestClocks.NOW);
        BuildClaims claims = BuildClaims.of(ctx, "main", "push", "production");
        assertThat(claims.job()).isEqualTo("folder/app");
        assertThat(claims.buildNumber()).isEqualTo("42");
        assertThat(claims.runUrl()).isEqualTo("https://ci/job/42/");
        assertThat(claims.commit()).isEqualTo("abc");
        assertThatThrownBy(() -> new BuildClaims(" ", null, null, null, null, null, null))
                .hasMessageContaining("job name");
    }

    @Test
    void shouldRethrowAnErrorFromTheBodyAndReportSuccess() {
        BrokeredResult<String> ok = new BrokeredResult<>("v", null, RevocationReport.empty());
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.failureCause()).isEmpty();
        BrokeredResult<String> err = new BrokeredResult<>(null, new AssertionError("boom"), RevocationReport.empty());
        assertThatThrownBy(err::valueOrThrow).isInstanceOf(AssertionError.class);
        assertThat(err.succeeded()).isFalse();
    }
}
