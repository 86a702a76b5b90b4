package io.jenkins.plugins.securedeploy.engine.credentials.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.jenkins.plugins.securedeploy.engine.credentials.BrokeredResult;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialsKit;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord.Outcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Entra ID's v2.0 token endpoint on loopback: client_credentials with a federated client assertion. */
class AzureExchangeTest {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
    static final String PATH = "/" + TENANT + "/oauth2/v2.0/token";

    private final CredentialsKit kit = new CredentialsKit();
    private final LoopbackServer entra = new LoopbackServer().on("POST", PATH, this::token);

    @AfterEach
    void stop() {
        entra.close();
    }

    private Reply token(LoopbackServer.Call call) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : call.body().split("&")) {
            int i = pair.indexOf('=');
            f.put(pair.substring(0, i), URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        if (!"client_credentials".equals(f.get("grant_type")) || !CLIENT.equals(f.get("client_id"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))) {
            return Reply.json(400, "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016:"
                    + " Application not found in the directory.\",\"error_codes\":[700016]}");
        }
        if (!kit.check(f.get("client_assertion"), "api://AzureADTokenExchange").verified()) {
            return Reply.json(400, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700212: No matching"
                    + " federated identity record found for presented assertion audience.\",\"error_codes\":[700212],"
                    + "\"timestamp\":\"2026-01-15 10:00:00Z\",\"trace_id\":\"t\",\"correlation_id\":\"c\"}");
        }
        return Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":" + JSONObjectUtils.toJSONString(Map.of("a", kit.canary.value()))
                .replaceAll("^\\{\"a\":|}$", "") + "}");
    }

    private AzureExchange exchange(String client, String audience) {
        return new AzureExchange(new AzureSettings(TENANT, client, null, entra.uri(), audience,
                CredentialsKit.fastHttp()), kit.clock);
    }

    @Test
    void shouldGetAnEntraTokenWithOurTokenAsClientAssertion() throws Exception {
        BrokeredResult<Map<String, String>> r = kit.broker().run(List.of(exchange(CLIENT, null)), env -> {
            Map<String, String> m = new LinkedHashMap<>(env.settings());
            m.put("AZURE_ACCESS_TOKEN", env.secrets().get("AZURE_ACCESS_TOKEN").reveal());
            return m;
        });
        assertThat(r.valueOrThrow()).containsEntry("AZURE_ACCESS_TOKEN", kit.canary.value())
                .containsEntry("AZURE_CLIENT_ID", CLIENT).containsEntry("AZURE_TENANT_ID", TENANT);
        assertThat(entra.calls().get(0).body()).contains("scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
        assertThat(r.revocations().records()).extracting(x -> x.outcome()).containsExactly(Outcome.EXPIRES);
        kit.assertNoCanary(r.revocations());
    }

    @Test
    void shouldFailClosedWithTheEntraErrorCode() {
        assertThatThrownBy(() -> kit.broker().open(List.of(exchange(CLIENT, "sts.amazonaws.com"))))
                .hasMessage("azure: token request for client " + CLIENT + " refused: invalid_client AADSTS700212 -"
                        + " AADSTS700212: No matching federated identity record found for presented assertion"
                        + " audience. (HTTP 400)");
        assertThat(entra.calls()).hasSize(1);
    }

    @Test
    void shouldRetryThrottlingThenFailClosedOnATimeout() throws Exception {
        entra.on("POST", PATH, Reply.json(429, "{\"error\":\"temporarily_unavailable\"}").withHeader("Retry-After",
                "1"), Reply.json(503, ""), Reply.json(200, "{\"access_token\":\"x-token-value\",\"expires_in\":60}"));
        kit.broker().run(List.of(exchange(CLIENT, null)), env -> null).valueOrThrow();
        assertThat(entra.calls()).hasSize(3);

        entra.on("POST", PATH, Reply.json(200, "{}").after(Duration.ofSeconds(2)));
        AzureExchange impatient = new AzureExchange(new AzureSettings(TENANT, CLIENT, null, entra.uri(), null,
                CredentialsKit.impatientHttp()), kit.clock);
        assertThatThrownBy(() -> kit.broker().open(List.of(impatient)))
                .hasMessage("azure: POST " + PATH + " got no answer within 500 ms");
        assertThatThrownBy(() -> AzureSettings.of("bad tenant", CLIENT)).hasMessageContaining("must be ids");
    }
}
