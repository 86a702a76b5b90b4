package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenNeed;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class IdTokenIssuerTest {
    private final AtomicReference<IssuerKeys> keys = OidcFixtures.holder(SigningAlgorithm.ES256);
    private final IdTokenIssuer issuer = OidcFixtures.issuer(SigningAlgorithm.ES256, keys, TestClocks.fixed());

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void shouldIssueAJobScopedTokenWithBuildClaimsThatVerifies(SigningAlgorithm alg) throws Exception {
        AtomicReference<IssuerKeys> k = OidcFixtures.holder(alg);
        IdTokenIssuer iss = OidcFixtures.issuer(alg, k, TestClocks.fixed());
        IdToken token = iss.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));

        SignedJWT jwt = SignedJWT.parse(token.value().reveal());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(alg.name());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(k.get().signingKey().orElseThrow().keyId());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        var c = jwt.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo(OidcFixtures.ISSUER);
        assertThat(c.getSubject()).isEqualTo("job:folder/app:ref:main");
        assertThat(c.getAudience()).containsExactly(OidcFixtures.AUD);
        assertThat(c.getIssueTime().toInstant()).isEqualTo(TestClocks.NOW);
        assertThat(c.getNotBeforeTime().toInstant()).isEqualTo(TestClocks.NOW);
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(TestClocks.NOW.plus(Duration.ofMinutes(5)));
        assertThat(c.getJWTID()).isEqualTo(token.jti()).hasSize(36);
        assertThat(c.getClaims()).containsEntry("job", "folder/app").containsEntry("build_number", "42")
                .containsEntry("branch", "main").containsEntry("trigger", "push")
                .containsEntry("environment", "production")
                .containsEntry("commit", "0123456789abcdef0123456789abcdef01234567");
        assertThat(token.toString()).doesNotContain(token.value().reveal());

        TokenCheck check = IdTokenVerifier.of(iss.jwksJson(), OidcFixtures.ISSUER)
                .verify(token.value().reveal(), OidcFixtures.AUD, TestClocks.NOW);
        assertThat(check.verified()).as(check.reasons().toString()).isTrue();
    }

    @Test
    void shouldGiveEachTokenItsOwnJti() {
        IdToken a = issuer.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        IdToken b = issuer.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        assertThat(a.jti()).isNotEqualTo(b.jti());
    }

    @Test
    void shouldRefuseAnAudienceOutsideTheAllowList() {
        assertThatThrownBy(() -> issuer.issue(TokenRequest.of(OidcFixtures.build(), "https://evil.example.com")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessageContaining("audience 'https://evil.example.com' is not in the admin's audience allow-list");
    }

    @Test
    void shouldRefuseAnAudienceTheJobMayNotAskFor() {
        BuildClaims other = new BuildClaims("other-app", "1", "main", "", "", "", "");
        assertThatThrownBy(() -> issuer.issue(TokenRequest.of(other, "api://AzureADTokenExchange")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessageContaining("not allowed for job 'other-app'");
        assertThat(issuer.issue(TokenRequest.of(OidcFixtures.build(), "api://AzureADTokenExchange")).audience())
                .isEqualTo("api://AzureADTokenExchange");
    }

    @Test
    void shouldRefuseAMissingAudienceAndALifetimeAboveTheMaximum() {
        TokenRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(TokenRefusedException.class,
                () -> issuer.issue(new TokenRequest(OidcFixtures.build(), "", Duration.ofHours(1), Map.of())));
        assertThat(e.reasons()).containsExactly(
                "no audience requested: every token names the one service it is for",
                "requested lifetime PT1H exceeds the admin maximum PT10M");
        assertThatThrownBy(() -> issuer.issue(new TokenRequest(OidcFixtures.build(), OidcFixtures.AUD,
                Duration.ZERO, Map.of()))).hasMessageContaining("is not positive");
    }

    @Test
    void shouldRefuseClaimsOutsideTheTemplatesAndReservedClaims() {
        TokenRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(TokenRefusedException.class,
                () -> issuer.issue(new TokenRequest(OidcFixtures.build(), OidcFixtures.AUD, null,
                        Map.of("sub", "job:admin", "role", "admin"))));
        assertThat(e.reasons()).contains("claim 'sub' is set by the issuer and cannot be requested",
                "claim 'role' is not in the admin's claim templates");
        assertThatThrownBy(() -> issuer.issue(new TokenRequest(OidcFixtures.build(), OidcFixtures.AUD, null,
                Map.of("deploy_target", "ap-south-1"))))
                .hasMessageContaining("value 'ap-south-1' of claim 'deploy_target' does not match");
        assertThatThrownBy(() -> issuer.issue(new TokenRequest(OidcFixtures.build(), OidcFixtures.AUD, null,
                Map.of("deploy_target", List.of("eu-west-1")))))
                .hasMessageContaining("structured value only when its template allows '*'");
    }

    @Test
    void shouldAddAllowedExtraClaimsAndHonourALifetimeWithinTheMaximum() throws Exception {
        Map<String, Object> tags = Map.of("principal_tags", Map.of("job", List.of("folder/app")));
        IdToken t = issuer.forBuild(OidcFixtures.build()).mint(new TokenNeed(OidcFixtures.AUD, Duration.ofMinutes(10),
                Map.of("deploy_target", "eu-west-1", "https://aws.amazon.com/tags", tags)));
        var claims = SignedJWT.parse(t.value().reveal()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("deploy_target")).isEqualTo("eu-west-1");
        assertThat(claims.getJSONObjectClaim("https://aws.amazon.com/tags")).containsKey("principal_tags");
        assertThat(t.expiresAt()).isEqualTo(TestClocks.NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void shouldRefuseToIssueWithoutASigningKey() {
        IdTokenIssuer empty = new IdTokenIssuer(OidcFixtures.settings(SigningAlgorithm.ES256), IssuerKeys::empty,
                TestClocks.fixed());
        assertThatThrownBy(() -> empty.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD)))
                .hasMessageContaining("no signing key");
    }

    @Test
    void shouldUseTheSubjectTemplateWithDashesForMissingValues() {
        IssuerSettings s = new IssuerSettings(java.net.URI.create(OidcFixtures.ISSUER), null, null, null, null,
                List.of(AudienceRule.of(OidcFixtures.AUD)), List.of(), "job:{job}:environment:{environment}", null);
        IdTokenIssuer iss = new IdTokenIssuer(s, keys::get, TestClocks.fixed());
        BuildClaims noEnv = new BuildClaims("app", "1", "", "", "", "", "");
        assertThat(iss.issue(TokenRequest.of(noEnv, OidcFixtures.AUD)).subject()).isEqualTo("job:app:environment:-");
    }

    @Test
    void shouldPublishADiscoveryDocumentNamingTheIssuerAndJwks() throws Exception {
        var doc = com.nimbusds.jose.util.JSONObjectUtils.parse(issuer.discoveryJson());
        assertThat(doc).containsEntry("issuer", OidcFixtures.ISSUER)
                .containsEntry("jwks_uri", OidcFixtures.ISSUER + "/jwks")
                .containsEntry("response_types_supported", List.of("id_token"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("ES256"));
        assertThat(doc.get("claims_supported").toString()).contains("sub", "aud", "job", "deploy_target");
    }

    @Test
    void shouldSignEs256DeterministicallyWithASignatureTheJdkVerifies() throws Exception {
        IdToken token = issuer.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        SignedJWT jwt = SignedJWT.parse(token.value().reveal());
        com.nimbusds.jose.jwk.ECKey key = (com.nimbusds.jose.jwk.ECKey) keys.get().requireSigningKey().jwk();
        byte[] input = jwt.getSigningInput();
        java.security.Signature jdk = java.security.Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        jdk.initVerify(key.toECPublicKey());
        jdk.update(input);
        assertThat(jdk.verify(jwt.getSignature().decode())).as("JDK SunEC verifies the issuer's ES256").isTrue();
        // RFC 6979: the same header and claims sign to the same signature, the one the stock JCA-free signer gives
        assertThat(io.jenkins.plugins.securedeploy.engine.sign.keys.Es256JwsSigner.of(key).sign(jwt.getHeader(), input))
                .isEqualTo(jwt.getSignature());
    }

    @Test
    void shouldSignThroughAnExplicitJcaProviderWhenTheHostGivesOne() throws Exception {
        IdTokenIssuer sun = new IdTokenIssuer(OidcFixtures.settings(SigningAlgorithm.ES256), keys::get,
                TestClocks.fixed(), java.security.Security.getProvider("SunEC"));
        IdToken token = sun.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        TokenCheck check = IdTokenVerifier.of(sun.jwksJson(), OidcFixtures.ISSUER)
                .verify(token.value().reveal(), OidcFixtures.AUD, TestClocks.NOW);
        assertThat(check.verified()).as(check.reasons().toString()).isTrue();
    }
}
