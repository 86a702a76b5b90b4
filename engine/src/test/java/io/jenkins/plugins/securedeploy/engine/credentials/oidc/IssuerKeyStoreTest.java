package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.SecretStateStore;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuerKeyStoreTest {
    @Test
    void shouldFailWithContextWhenTheStoreFails() {
        SecretStateStore broken = new SecretStateStore() {
            @Override
            public Optional<SecretValue> load(String id) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void save(String id, SecretValue value) throws IOException {
                throw new IOException("read-only");
            }
        };
        assertThatThrownBy(() -> new IssuerKeyStore(broken).load()).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(IssuerKeyStore.STATE_ID);
        SecretStateStore empty = new SecretStateStore() {
            @Override
            public Optional<SecretValue> load(String id) {
                return Optional.empty();
            }

            @Override
            public void save(String id, SecretValue value) throws IOException {
                throw new IOException("read-only");
            }
        };
        assertThatThrownBy(() -> new IssuerKeyStore(empty).rotate(RotationPolicy.defaults(), SigningAlgorithm.ES256,
                TestClocks.NOW)).hasMessageContaining("cannot save the rotated OIDC issuer keys");
    }

    @Test
    void shouldNameTheStateByItsDisplayNameWithThePlainReason() {
        SecretStateStore directory = new SecretStateStore() {
            @Override
            public Optional<SecretValue> load(String id) throws IOException {
                throw new java.nio.file.FileSystemException("/etc/keys", null, "Is a directory");
            }

            @Override
            public void save(String id, SecretValue value) throws IOException {
                throw new java.nio.file.AccessDeniedException("/etc/keys");
            }
        };
        assertThatThrownBy(() -> new IssuerKeyStore(directory, "/etc/keys").load())
                .hasMessage("cannot load the OIDC issuer keys (/etc/keys): it is a directory");
        SecretStateStore garbled = new SecretStateStore() {
            @Override
            public Optional<SecretValue> load(String id) {
                return Optional.of(SecretValue.of("not json"));
            }

            @Override
            public void save(String id, SecretValue value) {
                // not reached
            }
        };
        assertThatThrownBy(() -> new IssuerKeyStore(garbled, "keys.json").load()).hasMessageStartingWith("keys.json")
                .hasMessageNotContaining(IssuerKeyStore.STATE_ID);
    }

    @Test
    void shouldRefuseInvalidRulesAndTemplates() {
        assertThatThrownBy(() -> AudienceRule.of("*")).hasMessageContaining("would allow any");
        assertThatThrownBy(() -> new ClaimTemplate("x", java.util.List.of())).hasMessageContaining("no allowed values");
        assertThatThrownBy(() -> IssuerSettings.of(OidcFixtures.ISSUER, java.util.List.of(),
                java.util.List.of(new ClaimTemplate("sub", java.util.List.of("*")))))
                .hasMessageContaining("claim 'sub' is set by the issuer");
        assertThatThrownBy(() -> new IssuerSettings(java.net.URI.create(OidcFixtures.ISSUER), null, null, null, null,
                null, null, "job:{build}", null)).hasMessageContaining("subjectTemplate must contain {job}");
        assertThatThrownBy(() -> new RotationPolicy(java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(1)))
                .hasMessageContaining("at most hourly");
        assertThat(Glob.matches("folder/*", "folder/a/b")).isTrue();
        assertThat(Glob.matches("a*c", "abd")).isFalse();
        assertThat(new AudienceRule("api://*", java.util.List.of("team-*")).allowsJob("team-x")).isTrue();
    }

    @Test
    void shouldReportTokenChecks() {
        assertThat(TokenCheck.failed("x").verified()).isFalse();
        assertThat(new TokenCheck(TokenCheck.Status.VERIFIED, java.util.List.of(), null).claims()).isEmpty();
    }
}
