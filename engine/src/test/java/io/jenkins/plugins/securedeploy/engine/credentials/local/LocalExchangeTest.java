package io.jenkins.plugins.securedeploy.engine.credentials.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.credentials.BrokeredResult;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialsKit;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalExchangeTest {
    private final CredentialsKit kit = new CredentialsKit();

    @Test
    void shouldHandTheTokenToTheBodyAndRecordItsExpiry() throws Exception {
        BrokeredResult<String> r = kit.broker().run(List.of(new LocalExchange("local-test", null,
                Duration.ofMinutes(2))), env -> env.secrets().get("SECURE_DEPLOY_ID_TOKEN").reveal());
        String token = r.valueOrThrow();
        assertThat(kit.check(token, "local-test").verified()).isTrue();
        assertThat(r.revocations().records()).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.EXPIRES);
            assertThat(x.detail()).startsWith("an ID token cannot be revoked");
        });
        assertThat(kit.masked).extracting(Object::toString).isNotEmpty();
        assertThat(kit.masked.get(0).reveal()).isEqualTo(token);
        assertThat(kit.log.lines().toString()).doesNotContain(token);
    }

    @Test
    void shouldRefuseAnAudienceOutsideTheAllowListBeforeAnythingIsIssued() {
        assertThatThrownBy(() -> kit.broker().open(List.of(new LocalExchange("https://evil.example.com", "T", null))))
                .hasMessageContaining("not in the admin's audience allow-list");
        assertThat(kit.masked).isEmpty();
        assertThatThrownBy(() -> new LocalExchange("a", "1BAD", null)).hasMessageContaining("variable name");
    }
}
