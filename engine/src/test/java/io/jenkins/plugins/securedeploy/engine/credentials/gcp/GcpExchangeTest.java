package io.jenkins.plugins.securedeploy.engine.credentials.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.BrokeredResult;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialsKit;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord.Outcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Google STS and IAM Credentials on loopback, with their request checks and error bodies. */
class GcpExchangeTest {
    static final String PROVIDER = "projects/123/locations/global/workloadIdentityPools/ci/providers/jenkins";
    static final String SA = "deploy@proj.iam.gserviceaccount.com";
    static final String FEDERATED = "ya29.d.federated-0123456789abcdefghijklmnopqrstuv";
    static final String IAM_PATH = "/v1/projects/-/serviceAccounts/" + SA + ":generateAccessToken";

    private final CredentialsKit kit = new CredentialsKit();
    private final Instant expiry = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    private final LoopbackServer google = new LoopbackServer().on("POST", "/v1/token", this::sts)
            .on("POST", IAM_PATH, this::iam);

    @AfterEach
    void stop() {
        google.close();
    }

    static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int i = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private Reply sts(LoopbackServer.Call call) {
        Map<String, String> f = form(call.body());
        if (!"urn:ietf:params:oauth:grant-type:token-exchange".equals(f.get("grant_type"))
                || !"urn:ietf:params:oauth:token-type:jwt".equals(f.get("subject_token_type"))) {
            return Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Invalid value for"
                    + " \\\"grant_type\\\".\"}");
        }
        if (!("//iam.googleapis.com/" + PROVIDER).equals(f.get("audience"))
                || !kit.check(f.get("subject_token"), "https://iam.googleapis.com/" + PROVIDER).verified()) {
            return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The audience in ID Token"
                    + " does not match the expected audience.\"}");
        }
        return Reply.json(200, "{\"access_token\":\"" + FEDERATED + "\",\"issued_token_type\":"
                + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":3599}");
    }

    private Reply iam(LoopbackServer.Call call) {
        if (!("Bearer " + FEDERATED).equals(call.header("Authorization"))) {
            return Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication"
                    + " credentials.\",\"status\":\"UNAUTHENTICATED\"}}");
        }
        return Reply.json(200, "{\"accessToken\":" + JSONObjectUtils.toJSONString(Map.of("a", kit.canary.value()))
                .replaceAll("^\\{\"a\":|}$", "") + ",\"expireTime\":\"" + expiry + "\"}");
    }

    private GcpExchange exchange(String sa) {
        return new GcpExchange(new GcpSettings(PROVIDER, sa, null, Duration.ofMinutes(10), URI("/v1/token"),
                google.uri(), null, CredentialsKit.fastHttp()), kit.clock);
    }

    private java.net.URI URI(String path) {
        return java.net.URI.create(google.url(path));
    }

    @Test
    void shouldExchangeAtStsThenImpersonateTheServiceAccount() throws Exception {
        BrokeredResult<String> r = kit.broker().run(List.of(exchange(SA)),
                env -> env.secrets().get("CLOUDSDK_AUTH_ACCESS_TOKEN").reveal());
        assertThat(r.valueOrThrow()).isEqualTo(kit.canary.value());
        Map<String, String> sent = form(google.calls("POST", "/v1/token").get(0).body());
        assertThat(sent).containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("scope", "https://www.googleapis.com/auth/cloud-platform");
        assertThat(JSONObjectUtils.parse(google.calls("POST", IAM_PATH).get(0).body()))
                .containsEntry("lifetime", "600s")
                .containsEntry("scope", List.of("https://www.googleapis.com/auth/cloud-platform"));
        assertThat(r.revocations().records()).singleElement().satisfies(rec -> {
            assertThat(rec.outcome()).isEqualTo(Outcome.EXPIRES);
            assertThat(rec.expiresAt()).isEqualTo(expiry);
        });
        assertThat(kit.masked).contains(SecretValue.of(FEDERATED), SecretValue.of(kit.canary.value()));
        kit.assertNoCanary(r.revocations());
    }

    @Test
    void shouldUseTheFederatedTokenWhenNoServiceAccountIsNamed() throws Exception {
        var names = kit.broker().run(List.of(exchange("")), env -> env.secrets().get("GOOGLE_OAUTH_ACCESS_TOKEN")
                .reveal()).valueOrThrow();
        assertThat(names).isEqualTo(FEDERATED);
        assertThat(google.calls("POST", IAM_PATH)).isEmpty();
    }

    @Test
    void shouldFailClosedWithGooglesOAuthAndApiErrors() {
        GcpExchange wrongAudience = new GcpExchange(new GcpSettings(PROVIDER, SA, null, null, URI("/v1/token"),
                google.uri(), "https://vault.example.com", CredentialsKit.fastHttp()), kit.clock);
        assertThatThrownBy(() -> kit.broker().open(List.of(wrongAudience)))
                .isInstanceOf(CredentialExchangeException.class)
                .hasMessage("gcp: STS token exchange refused: invalid_grant - The audience in ID Token does not match"
                        + " the expected audience. (HTTP 400)");
        google.on("POST", IAM_PATH, Reply.json(403, "{\"error\":{\"code\":403,\"message\":\"Permission"
                + " 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).\",\"status\":"
                + "\"PERMISSION_DENIED\"}}"));
        assertThatThrownBy(() -> kit.broker().open(List.of(exchange(SA))))
                .hasMessage("gcp: generateAccessToken for " + SA + " refused: PERMISSION_DENIED - Permission"
                        + " 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist). (HTTP 403)");
        assertThat(google.calls("POST", IAM_PATH)).hasSize(1);
    }

    @Test
    void shouldRetryQuotaAndServerErrorsOnly() throws Exception {
        google.on("POST", "/v1/token", Reply.json(429, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}"),
                Reply.json(500, "{\"error\":{\"code\":500,\"status\":\"INTERNAL\"}}"), Reply.json(200,
                        "{\"access_token\":\"" + FEDERATED + "\",\"expires_in\":60}"));
        kit.broker().run(List.of(exchange(SA)), env -> null).valueOrThrow();
        assertThat(google.calls("POST", "/v1/token")).hasSize(3);
    }

    @Test
    void shouldFailClosedOnATimeoutAndOnAGarbledAnswer() {
        google.on("POST", "/v1/token", Reply.json(200, "{}").after(Duration.ofSeconds(2)));
        GcpExchange impatient = new GcpExchange(new GcpSettings(PROVIDER, SA, null, null, URI("/v1/token"),
                google.uri(), null, CredentialsKit.impatientHttp()), kit.clock);
        assertThatThrownBy(() -> kit.broker().open(List.of(impatient)))
                .hasMessage("gcp: POST /v1/token got no answer within 500 ms");
        google.on("POST", "/v1/token", Reply.json(200, "<html>"));
        assertThatThrownBy(() -> kit.broker().open(List.of(exchange(SA))))
                .hasMessage("gcp: STS token exchange returned a body that is not a JSON object (HTTP 200)");
        assertThatThrownBy(() -> GcpSettings.of("pools/x", SA)).hasMessageContaining("workloadIdentityPools");
    }
}
