package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdTokenVerifierTest {
    private final AtomicReference<IssuerKeys> keys = OidcFixtures.holder(SigningAlgorithm.ES256);
    private final IdTokenIssuer issuer = OidcFixtures.issuer(SigningAlgorithm.ES256, keys, TestClocks.fixed());
    private final IdToken token = issuer.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));

    private IdTokenVerifier verifier() throws Exception {
        return IdTokenVerifier.of(issuer.jwksJson(), OidcFixtures.ISSUER);
    }

    @Test
    void shouldRejectTheWrongAudience() throws Exception {
        assertThat(verifier().verify(token.value().reveal(), "https://vault.example.com", TestClocks.NOW).reasons())
                .singleElement().asString().contains("does not contain 'https://vault.example.com'");
    }

    @Test
    void shouldRejectAnExpiredTokenAndOneUsedBeforeNbf() throws Exception {
        assertThat(verifier().verify(token.value().reveal(), OidcFixtures.AUD,
                TestClocks.NOW.plus(Duration.ofMinutes(6))).reasons()).singleElement().asString()
                .startsWith("expired at");
        assertThat(verifier().verify(token.value().reveal(), OidcFixtures.AUD, TestClocks.NOW.minusSeconds(120))
                .reasons()).anySatisfy(r -> assertThat(r).startsWith("not valid before"));
        assertThat(verifier().verify(token.value().reveal(), OidcFixtures.AUD, TestClocks.NOW.minusSeconds(20))
                .verified()).as("within the 30 s skew").isTrue();
    }

    @Test
    void shouldRejectATokenOfAnotherIssuerKeyAndATamperedOne() throws Exception {
        IdTokenIssuer other = OidcFixtures.issuer(SigningAlgorithm.ES256, OidcFixtures.holder(SigningAlgorithm.ES256),
                TestClocks.fixed());
        String foreign = other.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD)).value().reveal();
        assertThat(verifier().verify(foreign, OidcFixtures.AUD, TestClocks.NOW).reasons().get(0))
                .contains("is not in the JWKS");
        String[] parts = token.value().reveal().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(verifier().verify(tampered, OidcFixtures.AUD, TestClocks.NOW).verified()).isFalse();
        assertThat(verifier().verify("garbage", OidcFixtures.AUD, TestClocks.NOW).reasons())
                .containsExactly("not a signed JWT");
    }

    @Test
    void shouldRejectHmacAndTheWrongIssuer() throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(token.keyId()).build(),
                new JWTClaimsSet.Builder().issuer(OidcFixtures.ISSUER).audience(OidcFixtures.AUD).build());
        hs.sign(new MACSigner(new byte[32]));
        assertThat(verifier().verify(hs.serialize(), OidcFixtures.AUD, TestClocks.NOW).reasons().get(0))
                .contains("HS256 is not accepted");
        IdTokenVerifier wrongIssuer = IdTokenVerifier.of(issuer.jwksJson(), "https://other.example.com");
        assertThat(wrongIssuer.verify(token.value().reveal(), OidcFixtures.AUD, TestClocks.NOW).reasons().get(0))
                .startsWith("issuer is");
    }
}
