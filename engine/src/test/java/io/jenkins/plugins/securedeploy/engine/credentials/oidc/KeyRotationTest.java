package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.host.SecretStateStore;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(30), Duration.ofMinutes(15));
    private static final Instant T0 = TestClocks.NOW;

    @Test
    void shouldCreateTheFirstKeyAndLeaveAKeyThatIsNotDueAlone() {
        KeyRotation.Result first = KeyRotation.rotate(IssuerKeys.empty(), POLICY, SigningAlgorithm.ES256, T0);
        assertThat(first.changed()).isTrue();
        assertThat(first.keys().keys()).hasSize(1);
        assertThat(first.events()).singleElement().asString().startsWith("created ES256 signing key ");

        KeyRotation.Result later = KeyRotation.rotate(first.keys(), POLICY, SigningAlgorithm.ES256,
                T0.plus(Duration.ofDays(29)));
        assertThat(later.changed()).isFalse();
        assertThat(later.keys()).isSameAs(first.keys());
    }

    @Test
    void shouldPublishOldAndNewKeysDuringTheOverlapAndDropTheOldOneAfter() {
        IssuerKeys k1 = KeyRotation.rotate(IssuerKeys.empty(), POLICY, SigningAlgorithm.ES256, T0).keys();
        String oldKid = k1.signingKey().orElseThrow().keyId();
        Instant due = T0.plus(Duration.ofDays(30));
        KeyRotation.Result r = KeyRotation.rotate(k1, POLICY, SigningAlgorithm.ES256, due);
        String newKid = r.keys().signingKey().orElseThrow().keyId();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(r.events()).anySatisfy(e -> assertThat(e).startsWith("retired key " + oldKid));
        assertThat(kids(r.keys(), due.plus(Duration.ofMinutes(14)))).containsExactlyInAnyOrder(oldKid, newKid);
        assertThat(kids(r.keys(), due.plus(Duration.ofMinutes(15)))).containsExactly(newKid);

        KeyRotation.Result cleaned = KeyRotation.rotate(r.keys(), POLICY, SigningAlgorithm.ES256,
                due.plus(Duration.ofMinutes(16)));
        assertThat(cleaned.changed()).isTrue();
        assertThat(cleaned.keys().keys()).extracting(IssuerKey::keyId).containsExactly(newKid);
    }

    @Test
    void shouldVerifyTokensOfBothKeysDuringRotationAndNotTheOldOnesAfterTheOverlap() throws Exception {
        AtomicReference<IssuerKeys> keys = new AtomicReference<>(
                KeyRotation.rotate(IssuerKeys.empty(), POLICY, SigningAlgorithm.ES256, T0).keys());
        IssuerSettings settings = OidcFixtures.settings(SigningAlgorithm.ES256)
                .withLifetimes(Duration.ofMinutes(5), Duration.ofMinutes(10), POLICY);
        Instant beforeRotation = T0.plus(Duration.ofDays(30)).minusSeconds(60);
        IdToken old = new IdTokenIssuer(settings, keys::get, TestClocks.fixed(beforeRotation))
                .issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        Instant rotation = T0.plus(Duration.ofDays(30));
        keys.set(KeyRotation.rotate(keys.get(), POLICY, SigningAlgorithm.ES256, rotation).keys());
        IdToken fresh = new IdTokenIssuer(settings, keys::get, TestClocks.fixed(rotation))
                .issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());

        String jwksDuring = keys.get().publicJwksJson(rotation.plusSeconds(30));
        IdTokenVerifier during = IdTokenVerifier.of(jwksDuring, OidcFixtures.ISSUER);
        assertThat(during.verify(old.value().reveal(), OidcFixtures.AUD, rotation.plusSeconds(30)).verified()).isTrue();
        assertThat(during.verify(fresh.value().reveal(), OidcFixtures.AUD, rotation.plusSeconds(30)).verified())
                .isTrue();

        Instant after = rotation.plus(POLICY.overlap());
        IdTokenVerifier afterOverlap = IdTokenVerifier.of(keys.get().publicJwksJson(after), OidcFixtures.ISSUER);
        assertThat(afterOverlap.verify(old.value().reveal(), OidcFixtures.AUD, old.issuedAt()).reasons())
                .containsExactly("signing key " + old.keyId() + " is not in the JWKS (unknown or retired)");
    }

    @Test
    void shouldRoundTripTheStateThroughTheCodecWithoutPrintingPrivateKeys() {
        IssuerKeys k1 = KeyRotation.rotate(IssuerKeys.empty(), POLICY, SigningAlgorithm.RS256, T0).keys();
        IssuerKeys k2 = KeyRotation.rotate(k1, POLICY, SigningAlgorithm.ES256, T0.plus(Duration.ofDays(31))).keys();
        SecretValue encoded = IssuerKeysCodec.encode(k2);
        IssuerKeys decoded = IssuerKeysCodec.decode(encoded, "keys.json");
        assertThat(decoded.keys()).extracting(IssuerKey::keyId)
                .containsExactlyElementsOf(k2.keys().stream().map(IssuerKey::keyId).toList());
        assertThat(decoded.keys()).extracting(IssuerKey::algorithm)
                .containsExactly(SigningAlgorithm.RS256, SigningAlgorithm.ES256);
        assertThat(decoded.keys().get(0).publishUntil()).isEqualTo(k2.keys().get(0).publishUntil());
        assertThat(encoded.reveal()).contains("\"d\"");
        assertThat(decoded.toString()).doesNotContain("\"d\"").contains(decoded.keys().get(1).keyId());
        assertThat(decoded.publicJwksJson(T0.plus(Duration.ofDays(31)))).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void shouldNameTheSourceAndPointerOfABrokenStateWithoutQuotingIt() {
        assertThatThrownBy(() -> IssuerKeysCodec.decode(SecretValue.of("{not json"), "keys.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keys.json")
                .hasMessageNotContaining("{not json");
        String noKid = "{\"format\":\"secure-deploy-oidc-keys\",\"version\":1,\"keys\":[{\"created\":\"2026-01-01T00:00:00Z\","
                + "\"jwk\":{\"kty\":\"oct\",\"k\":\"c2VjcmV0c2VjcmV0\"}}]}";
        assertThatThrownBy(() -> IssuerKeysCodec.decode(SecretValue.of(noKid), "keys.json"))
                .hasMessageContaining("keys.json at /keys/0").hasMessageNotContaining("c2VjcmV0c2VjcmV0");
        assertThatThrownBy(() -> IssuerKeysCodec.decode(SecretValue.of("{\"format\":\"x\",\"version\":1}"), "k"))
                .hasMessageContaining("k at /format");
    }

    @Test
    void shouldRotateOnlyWhenAskedNotWhenSettingsAreReloaded() {
        MapStore store = new MapStore();
        IssuerKeyStore keyStore = new IssuerKeyStore(store);
        assertThat(keyStore.load().isEmpty()).isTrue();
        keyStore.rotate(POLICY, SigningAlgorithm.ES256, T0);
        int saves = store.saves;
        String kid = keyStore.load().signingKey().orElseThrow().keyId();

        // a configuration reload: new settings (even another algorithm), a new issuer, same stored state
        IdTokenIssuer reloaded = new IdTokenIssuer(OidcFixtures.settings(SigningAlgorithm.RS256), keyStore::load,
                TestClocks.fixed(T0.plusSeconds(5)));
        IdToken t = reloaded.issue(TokenRequest.of(OidcFixtures.build(), OidcFixtures.AUD));
        assertThat(t.keyId()).isEqualTo(kid);
        assertThat(store.saves).isEqualTo(saves);

        keyStore.rotate(POLICY, SigningAlgorithm.ES256, T0.plus(Duration.ofDays(1)));
        assertThat(store.saves).as("not due: nothing saved").isEqualTo(saves);
        KeyRotation.Result forced = KeyRotation.rotateNow(keyStore.load(), POLICY, SigningAlgorithm.RS256,
                T0.plus(Duration.ofDays(1)));
        assertThat(forced.keys().signingKey().orElseThrow().algorithm()).isEqualTo(SigningAlgorithm.RS256);
    }

    @Test
    void shouldRequireTheOverlapToCoverTheLongestToken() {
        assertThatThrownBy(() -> OidcFixtures.settings(SigningAlgorithm.ES256).withLifetimes(Duration.ofMinutes(5),
                Duration.ofMinutes(30), new RotationPolicy(Duration.ofDays(1), Duration.ofMinutes(10))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must cover maxLifetime");
        assertThatThrownBy(() -> OidcFixtures.settings(SigningAlgorithm.ES256).withLifetimes(Duration.ofMinutes(5),
                Duration.ofHours(2), new RotationPolicy(Duration.ofDays(1), Duration.ofHours(3))))
                .hasMessageContaining("at most PT1H");
        assertThatThrownBy(() -> IssuerSettings.of("http://jenkins.example.com", java.util.List.of(),
                java.util.List.of())).hasMessageContaining("issuer must be an https URL");
        assertThat(IssuerSettings.of("http://127.0.0.1:8080/oidc/", java.util.List.of(), java.util.List.of())
                .jwksUri()).hasToString("http://127.0.0.1:8080/oidc/jwks");
    }

    private static java.util.List<String> kids(IssuerKeys keys, Instant at) {
        return keys.publicJwks(at).getKeys().stream().map(k -> k.getKeyID()).toList();
    }

    static final class MapStore implements SecretStateStore {
        final Map<String, SecretValue> values = new HashMap<>();
        int saves;

        @Override
        public Optional<SecretValue> load(String id) {
            return Optional.ofNullable(values.get(id));
        }

        @Override
        public void save(String id, SecretValue value) {
            saves++;
            values.put(id, value);
        }
    }
}
