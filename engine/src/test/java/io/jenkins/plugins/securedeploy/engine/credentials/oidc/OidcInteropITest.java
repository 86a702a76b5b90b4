package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our tokens, JWKS and discovery document against independent verifiers: PyJWT + jwcrypto (Debian), jose and
 * openid-client (npm). The issuer is in the middle of a rotation from an RS256 key to an ES256 key; the same server
 * also serves the issuer as it will be after the overlap ({@code /after}), whose JWKS no longer has the old key.
 * Every peer and our own verifier must accept exactly the valid cases.
 */
class OidcInteropITest {
    static final String AUD = "https://vault.example.com";
    static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(30), Duration.ofMinutes(15));

    @TempDir
    static Path dir;

    static LoopbackServer server;
    static final List<Map<String, Object>> cases = new ArrayList<>();
    static final Map<String, String> expected = new LinkedHashMap<>();
    static final Map<String, String> jwksByIssuer = new LinkedHashMap<>();

    @BeforeAll
    static void mintCasesAndServe() throws Exception {
        server = new LoopbackServer();
        Instant now = Instant.now();
        String during = server.url("/during");
        String after = server.url("/after");
        IssuerKeys old = KeyRotation.rotate(IssuerKeys.empty(), POLICY, SigningAlgorithm.RS256,
                now.minus(Duration.ofDays(31))).keys();
        IssuerKeys rotated = KeyRotation.rotate(old, POLICY, SigningAlgorithm.ES256, now.minusSeconds(60)).keys();
        IssuerSettings settings = settings(during);
        serve("/during", settings, rotated, now);
        serve("/after", settings(after), rotated, now.plus(POLICY.overlap()).plusSeconds(1));

        Instant beforeRotation = now.minusSeconds(120);
        add("old-rs256-key-during-overlap", mint(settings, old, beforeRotation, AUD), AUD, during, "RS256", "OK");
        add("new-es256-key", mint(settings, rotated, now, AUD), AUD, during, "ES256", "OK");
        add("wrong-audience", mint(settings, rotated, now, "sts.amazonaws.com"), AUD, during, "ES256", "REJECTED");
        add("expired", mint(settings, rotated, now.minus(Duration.ofMinutes(20)), AUD), AUD, during, "ES256",
                "REJECTED");
        add("before-nbf", mint(settings, rotated, now.plus(Duration.ofMinutes(20)), AUD), AUD, during, "ES256",
                "REJECTED");
        add("new-key-after-overlap", mint(settings(after), rotated, now, AUD), AUD, after, "ES256", "OK");
        add("retired-key-after-overlap", forgeWithRetiredKey(rotated, after, now), AUD, after, "RS256", "REJECTED");
        Files.writeString(dir.resolve("cases.json"), JSONObjectUtils.toJSONString(Map.of("cases", cases)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static IssuerSettings settings(String issuer) {
        return IssuerSettings.of(issuer, List.of(AudienceRule.of(AUD), AudienceRule.of("sts.amazonaws.com")),
                List.of(new ClaimTemplate("nonce", List.of("*")))).withLifetimes(Duration.ofMinutes(5),
                Duration.ofMinutes(10), POLICY);
    }

    static void serve(String path, IssuerSettings settings, IssuerKeys keys, Instant at) {
        IdTokenIssuer issuer = new IdTokenIssuer(settings, () -> keys, Clock.fixed(at, ZoneOffset.UTC));
        server.on("GET", path + "/.well-known/openid-configuration", Reply.json(200, issuer.discoveryJson()));
        server.on("GET", path + "/jwks", Reply.json(200, issuer.jwksJson()));
        jwksByIssuer.put(settings.issuerId(), issuer.jwksJson());
    }

    static String mint(IssuerSettings settings, IssuerKeys keys, Instant at, String aud) {
        IdTokenIssuer issuer = new IdTokenIssuer(settings, () -> keys, Clock.fixed(at, ZoneOffset.UTC));
        return issuer.issue(new TokenRequest(OidcFixtures.build(), aud, null, Map.of("nonce", "n-" + aud.hashCode())))
                .value().reveal();
    }

    /** A currently valid token signed with the retired RS256 private key (a leaked old key, say). */
    static String forgeWithRetiredKey(IssuerKeys keys, String issuer, Instant now) throws Exception {
        IssuerKey retired = keys.keys().stream().filter(k -> k.retired().isPresent()).findFirst().orElseThrow();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID(retired.keyId()).type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(issuer)
                .subject("job:folder/app:ref:main").audience(AUD).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID("forged")
                .claim("nonce", "n-" + AUD.hashCode()).build());
        jwt.sign(new RSASSASigner((RSAKey) retired.jwk()));
        return jwt.serialize();
    }

    static void add(String name, String token, String aud, String issuer, String alg, String outcome)
            throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("token", token);
        c.put("aud", aud);
        c.put("issuer", issuer);
        c.put("jwks_uri", issuer + "/jwks");
        c.put("jwks", JSONObjectUtils.parse(jwksByIssuer.get(issuer)));
        c.put("alg", alg);
        c.put("nonce", "n-" + AUD.hashCode());
        cases.add(c);
        expected.put(name, outcome);
    }

    private static void assertOutcomes(Map<String, String> results, String peer) {
        assertThat(results.keySet()).as(peer + " ran every case").containsExactlyElementsOf(expected.keySet());
        results.forEach((name, result) -> assertThat(result).as(peer + " on " + name + ": " + result)
                .startsWith(expected.get(name)));
        for (Map<String, Object> c : cases) {
            assertThat(String.join("\n", results.values())).doesNotContain((String) c.get("token"));
        }
    }

    @Test
    void shouldBeVerifiedExactlyWhereValidByPyJwtAndJwcrypto() {
        Path script = InteropPeers.script(dir, "verify_pyjwt.py");
        assertOutcomes(InteropPeers.run(dir, List.of(InteropPeers.PYTHON.toString(), script.toString(),
                dir.resolve("cases.json").toString())), "PyJWT/jwcrypto");
    }

    @Test
    void shouldBeVerifiedExactlyWhereValidByJoseFetchingTheServedJwks() {
        Path script = InteropPeers.script(dir, "verify_jose.mjs");
        assertOutcomes(InteropPeers.run(dir, List.of("node", script.toString(), dir.resolve("cases.json").toString())),
                "jose");
        assertThat(server.calls("GET", "/during/jwks")).isNotEmpty();
    }

    @Test
    void shouldBeVerifiedByOpenIdClientAfterDiscoveryOfOurDocument() {
        Path script = InteropPeers.script(dir, "verify_openid_client.mjs");
        assertOutcomes(InteropPeers.run(dir, List.of("node", script.toString(),
                dir.resolve("cases.json").toString())), "openid-client");
        assertThat(server.calls("GET", "/during/.well-known/openid-configuration")).isNotEmpty();
        assertThat(server.calls("GET", "/after/jwks")).isNotEmpty();
    }

    @Test
    void shouldBeVerifiedExactlyWhereValidByOurVerifier() throws Exception {
        Instant now = Instant.now();
        for (Map<String, Object> c : cases) {
            IdTokenVerifier v = IdTokenVerifier.of(jwksByIssuer.get((String) c.get("issuer")), (String) c.get("issuer"));
            TokenCheck check = v.verify((String) c.get("token"), (String) c.get("aud"), now);
            assertThat(check.verified() ? "OK" : "REJECTED").as(c.get("name") + " " + check.reasons())
                    .isEqualTo(expected.get((String) c.get("name")));
        }
    }
}
