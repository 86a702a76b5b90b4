package io.jenkins.plugins.securedeploy.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord.Outcome;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The broker's guarantees with scripted exchanges: all or nothing, reverse-order revocation, once, never throws. */
class CredentialBrokerTest {
    private final CredentialsKit kit = new CredentialsKit();
    private final List<String> revoked = new ArrayList<>();

    private Exchange leasing(String provider, String variable, String value) {
        return new Exchange() {
            @Override
            public String provider() {
                return provider;
            }

            @Override
            public TokenNeed tokenNeed() {
                return TokenNeed.audience("local-test");
            }

            @Override
            public List<Lease> exchange(IdToken token) {
                return List.of(Lease.revocable(provider, "lease of " + provider, Map.of(variable,
                        SecretValue.of(value)), Map.of(), token.expiresAt(), () -> {
                            revoked.add(provider);
                            return "revoked " + provider;
                        }));
            }
        };
    }

    private Exchange failing(String provider) {
        return new Exchange() {
            @Override
            public String provider() {
                return provider;
            }

            @Override
            public TokenNeed tokenNeed() {
                return TokenNeed.audience("local-test");
            }

            @Override
            public List<Lease> exchange(IdToken token) {
                throw new CredentialExchangeException(provider, 503, "unavailable");
            }
        };
    }

    @Test
    void shouldRevokeInReverseOrderOnceAndReportEach() throws Exception {
        CredentialSession s = kit.broker().open(List.of(leasing("a", "A", "secret-a-1234"), leasing("b", "B",
                "secret-b-1234")));
        assertThat(s.environment().names()).containsExactly("A", "B");
        assertThat(s.tokens()).hasSize(2);
        assertThat(s.report()).isEmpty();
        RevocationReport first = s.revokeAll();
        s.close();
        assertThat(s.revokeAll()).isSameAs(first);
        assertThat(revoked).containsExactly("b", "a");
        assertThat(first.records()).extracting(RevocationRecord::describe)
                .containsExactly("REVOKED b lease of b (revoked b)", "REVOKED a lease of a (revoked a)");
        assertThat(first.toMaps().get(0)).containsOnlyKeys("provider", "lease", "outcome", "detail", "at",
                "expiresAt");
    }

    @Test
    void shouldRevokeWhatWasObtainedWhenALaterExchangeFailsAndNeverRunTheBody() {
        AtomicInteger ran = new AtomicInteger();
        CredentialExchangeException e = org.junit.jupiter.api.Assertions.assertThrows(
                CredentialExchangeException.class, () -> kit.broker().run(List.of(leasing("a", "A", "secret-a-1234"),
                        failing("b")), env -> ran.incrementAndGet()));
        assertThat(ran).hasValue(0);
        assertThat(revoked).containsExactly("a");
        assertThat(e).hasMessage("b: unavailable (HTTP 503)");
        assertThat(e.cleanup().records()).extracting(RevocationRecord::outcome).containsExactly(Outcome.REVOKED);
        assertThat(e.getCause()).isInstanceOf(CredentialExchangeException.class);
    }

    @Test
    void shouldRefuseTwoLeasesSettingTheSameVariable() {
        assertThatThrownBy(() -> kit.broker().open(List.of(leasing("a", "X", "secret-a-1234"), leasing("b", "X",
                "secret-b-1234")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment variable X is set by both a lease of a and b lease of b");
        assertThat(revoked).containsExactly("b", "a");
    }

    @Test
    void shouldRecordARevokerThatThrowsWithoutItsMessage() {
        Lease lease = Lease.revocable("p", "l", Map.of(), Map.of(), TestClocks.NOW, () -> {
            throw new IllegalStateException("token=" + kit.canary.value());
        });
        RevocationRecord r = lease.revoke(TestClocks.fixed());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).isEqualTo("revocation failed: java.lang.IllegalStateException");
        assertThat(lease.revoke(Clock.systemUTC())).isSameAs(r);
        assertThat(lease.toString()).contains("p l");
    }

    @Test
    void shouldWithholdProviderTextThatCarriesSecretsOrTokens() {
        SecretValue sent = SecretValue.of("s3cr3t-value-0123456789");
        assertThat(SafeText.of("role not found", List.of(sent))).isEqualTo("role not found");
        assertThat(SafeText.of("bad s3cr3t-value-0123456789", List.of(sent))).isEqualTo("(provider message withheld)");
        assertThat(SafeText.of("bad eyJhbGciOiJFUzI1NiJ9.x", List.of())).isEqualTo("(provider message withheld)");
        assertThat(SafeText.of("x".repeat(50), List.of())).isEqualTo("(provider message withheld)");
        assertThat(SafeText.of("line\u0007", List.of())).isEqualTo("(provider message withheld)");
        assertThat(SafeText.of("a ".repeat(150), List.of())).endsWith("...").hasSize(203);
        assertThat(SafeText.of(null, List.of())).isEmpty();
        assertThat(SafeText.code("invalid_grant")).isEqualTo("invalid_grant");
        assertThat(SafeText.code("<script>")).isEmpty();
    }

    @Test
    void shouldFailClosedWhenNothingListens() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProviderHttp http = new ProviderHttp("p", CredentialsKit.fastHttp());
        assertThatThrownBy(() -> http.send(http.request(java.net.URI.create("http://127.0.0.1:" + port + "/x?secret=1"))
                .GET().build())).isInstanceOf(CredentialExchangeException.class)
                .hasMessageStartingWith("p: GET /x failed: ").hasMessageNotContaining("secret=1");
        assertThat(RetryPolicy.defaults().backoff(1)).hasMillis(250);
        assertThat(RetryPolicy.defaults().backoff(10)).hasSeconds(4);
        assertThatThrownBy(() -> new RetryPolicy(0, java.time.Duration.ZERO, java.time.Duration.ZERO))
                .hasMessageContaining("1..10");
    }
}
