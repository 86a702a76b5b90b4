package io.jenkins.plugins.securedeploy.engine.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
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

/** The official STS client driven against a loopback server that implements STS's query/XML contract. */
class AwsStsExchangeTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/deploy";
    static final String ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE";
    static final String SESSION_TOKEN = "FwoGZXIvYXdzEBYaDHqa0AP1+session/token==";

    private final CredentialsKit kit = new CredentialsKit();
    private final Instant expiry = Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    private final LoopbackServer sts = new LoopbackServer().on("POST", "/", this::answer);

    @AfterEach
    void stop() {
        sts.close();
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

    static Reply error(int status, String type, String code, String message) {
        return Reply.xml(status, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>"
                + type + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                + "c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>");
    }

    private Reply answer(LoopbackServer.Call call) {
        Map<String, String> f = form(call.body());
        if (!"AssumeRoleWithWebIdentity".equals(f.get("Action")) || !"2011-06-15".equals(f.get("Version"))) {
            return error(400, "Sender", "InvalidAction", "Could not find operation");
        }
        if (!kit.check(f.get("WebIdentityToken"), "sts.amazonaws.com").verified()) {
            return error(400, "Sender", "InvalidIdentityToken", "Incorrect token audience");
        }
        if (!ROLE.equals(f.get("RoleArn"))) {
            return error(403, "Sender", "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        return Reply.xml(200, "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>job:folder/app:ref:main"
                + "</SubjectFromWebIdentityToken><Audience>sts.amazonaws.com</Audience><AssumedRoleUser><Arn>"
                + "arn:aws:sts::123456789012:assumed-role/deploy/" + f.get("RoleSessionName") + "</Arn><AssumedRoleId>"
                + "AROACLKWSDQRAOEXAMPLE:" + f.get("RoleSessionName") + "</AssumedRoleId></AssumedRoleUser><Credentials>"
                + "<SessionToken>" + SESSION_TOKEN + "</SessionToken><SecretAccessKey>" + kit.canary.value()
                .replace("&", "&amp;").replace("\"", "&quot;") + "</SecretAccessKey><Expiration>" + expiry
                + "</Expiration><AccessKeyId>" + ACCESS_KEY + "</AccessKeyId></Credentials><Provider>"
                + "https://jenkins.example.com/oidc</Provider></AssumeRoleWithWebIdentityResult><ResponseMetadata>"
                + "<RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId></ResponseMetadata>"
                + "</AssumeRoleWithWebIdentityResponse>");
    }

    private AwsStsExchange exchange(String role, Map<String, String> tags) {
        return new AwsStsExchange(new AwsSettings(role, "eu-west-1", sts.uri(), null, null, tags, List.of("team"),
                null, CredentialsKit.fastHttp()), "folder/app", "42");
    }

    @Test
    void shouldAssumeTheRoleWithTheIdTokenAndExportShortLivedCredentials() throws Exception {
        BrokeredResult<Map<String, String>> result = kit.broker().run(List.of(exchange(ROLE, Map.of())), env -> {
            Map<String, String> m = new LinkedHashMap<>(env.settings());
            env.secrets().forEach((k, v) -> m.put(k, v.reveal()));
            return m;
        });
        assertThat(result.valueOrThrow()).containsEntry("AWS_ACCESS_KEY_ID", ACCESS_KEY)
                .containsEntry("AWS_SECRET_ACCESS_KEY", kit.canary.value())
                .containsEntry("AWS_SESSION_TOKEN", SESSION_TOKEN).containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_DEFAULT_REGION", "eu-west-1");
        Map<String, String> sent = form(sts.calls().get(0).body());
        assertThat(sent).containsEntry("RoleArn", ROLE).containsEntry("RoleSessionName", "folder-app-42")
                .containsEntry("DurationSeconds", "900");
        assertThat(sts.calls().get(0).header("Authorization")).as("unsigned call").isEmpty();
        assertThat(result.revocations().records()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.EXPIRES);
            assertThat(r.expiresAt()).isEqualTo(expiry);
            assertThat(r.lease()).isEqualTo("session arn:aws:sts::123456789012:assumed-role/deploy/folder-app-42");
        });
        assertThat(kit.masked).contains(SecretValue.of(kit.canary.value()), SecretValue.of(SESSION_TOKEN),
                SecretValue.of(ACCESS_KEY));
        kit.assertNoCanary(result.revocations());
    }

    @Test
    void shouldSendSessionTagsInTheTokenClaimAwsReads() throws Exception {
        kit.broker().run(List.of(exchange(ROLE, Map.of("team", "payments"))), env -> null).valueOrThrow();
        var claims = SignedJWT.parse(form(sts.calls().get(0).body()).get("WebIdentityToken")).getJWTClaimsSet();
        assertThat(claims.getJSONObjectClaim("https://aws.amazon.com/tags"))
                .containsEntry("principal_tags", Map.of("team", List.of("payments")))
                .containsEntry("transitive_tag_keys", List.of("team"));
    }

    @Test
    void shouldFailClosedWithStsErrorCodeAndStatus() {
        assertThatThrownBy(() -> kit.broker().open(List.of(exchange("arn:aws:iam::123456789012:role/other", Map.of()))))
                .isInstanceOf(CredentialExchangeException.class)
                .hasMessage("aws: AssumeRoleWithWebIdentity arn:aws:iam::123456789012:role/other refused: AccessDenied -"
                        + " Not authorized to perform sts:AssumeRoleWithWebIdentity (HTTP 403)");
        assertThat(sts.calls()).hasSize(1);
        AwsStsExchange wrongAud = new AwsStsExchange(new AwsSettings(ROLE, "eu-west-1", sts.uri(), "s1", null, null,
                null, "https://vault.example.com", CredentialsKit.fastHttp()), "j", "1");
        assertThatThrownBy(() -> kit.broker().open(List.of(wrongAud)))
                .hasMessageContaining("refused: InvalidIdentityToken - Incorrect token audience (HTTP 400)");
    }

    @Test
    void shouldRetryThrottlingAnd5xxOnlyAndGiveUpAfterTheAttempts() throws Exception {
        Reply throttled = error(400, "Sender", "Throttling", "Rate exceeded");
        sts.on("POST", "/", throttled, error(500, "Receiver", "InternalFailure", "internal"), Reply.xml(200, ""));
        sts.on("POST", "/", c -> sts.calls().size() < 3 ? (sts.calls().size() == 1 ? throttled
                : error(503, "Receiver", "ServiceUnavailable", "try later")) : answer(c));
        kit.broker().run(List.of(exchange(ROLE, Map.of())), env -> null).valueOrThrow();
        assertThat(sts.calls()).hasSize(3);

        sts.on("POST", "/", throttled);
        assertThatThrownBy(() -> kit.broker().open(List.of(exchange(ROLE, Map.of()))))
                .hasMessageEndingWith("refused: Throttling - Rate exceeded (HTTP 400)");
        assertThat(sts.calls()).hasSize(6);
    }

    @Test
    void shouldNotRetryAClientError() {
        sts.on("POST", "/", error(400, "Sender", "ExpiredTokenException", "Token expired"));
        assertThatThrownBy(() -> kit.broker().open(List.of(exchange(ROLE, Map.of()))))
                .hasMessageContaining("ExpiredTokenException");
        assertThat(sts.calls()).hasSize(1);
    }

    @Test
    void shouldFailClosedOnATimeoutWithoutRetrying() {
        sts.on("POST", "/", Reply.xml(200, "<x/>").after(Duration.ofSeconds(2)));
        AwsStsExchange impatient = new AwsStsExchange(new AwsSettings(ROLE, "eu-west-1", sts.uri(), null, null, null,
                null, null, CredentialsKit.impatientHttp()), "folder/app", "42");
        assertThatThrownBy(() -> kit.broker().open(List.of(impatient)))
                .isInstanceOf(CredentialExchangeException.class)
                .hasMessageStartingWith("aws: AssumeRoleWithWebIdentity " + ROLE);
        assertThat(sts.calls()).hasSize(1);
    }

    @Test
    void shouldWithholdAnErrorMessageThatEchoesTheToken() {
        sts.on("POST", "/", c -> error(400, "Sender", "InvalidIdentityToken", "bad token "
                + form(c.body()).get("WebIdentityToken")));
        CredentialExchangeException e = org.junit.jupiter.api.Assertions.assertThrows(
                CredentialExchangeException.class, () -> kit.broker().open(List.of(exchange(ROLE, Map.of()))));
        assertThat(e).hasMessageContaining("InvalidIdentityToken - (provider message withheld)");
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("eyJ");
    }

    @Test
    void shouldDeriveAValidSessionNameFromTheBuild() {
        assertThat(AwsSettings.sessionName("folder/my app", "7")).isEqualTo("folder-my-app-7");
        assertThat(AwsSettings.sessionName("x", "")).isEqualTo("secure-deploy-x");
        assertThat(AwsSettings.sessionName("a".repeat(80), "123")).hasSize(64).endsWith("-123");
        assertThatThrownBy(() -> AwsSettings.of("not-an-arn", "eu-west-1")).hasMessageContaining("IAM role ARN");
        assertThatThrownBy(() -> new AwsSettings(ROLE, "eu-west-1", null, null, Duration.ofMinutes(5), null, null,
                null, null)).hasMessageContaining("15 minutes to 12 hours");
    }
}
