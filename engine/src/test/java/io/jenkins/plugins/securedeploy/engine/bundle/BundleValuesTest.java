package io.jenkins.plugins.securedeploy.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundle's value types validate what they hold. */
class BundleValuesTest {
    @Test
    void shouldAcceptOnlySafeBundlePaths() {
        assertThat(BundlePaths.problem("gate-report/index.html")).isEmpty();
        assertThat(BundlePaths.problem("sbom/app_1.0+build.cdx.json")).isEmpty();
        assertThat(BundlePaths.problem("")).contains("is empty");
        assertThat(BundlePaths.problem("C:evil")).contains("is absolute");
        assertThat(BundlePaths.problem("a/" + "x".repeat(100))).hasValueSatisfying(p -> assertThat(p)
                .contains("longer than 100"));
        for (String bad : List.of("a//b", "a/", "a b", "a\\b", "a/.hidden", "a/\u0000", "é.json", "a:b")) {
            assertThat(BundlePaths.problem(bad)).as(bad).isPresent();
        }
        assertThat(BundlePaths.join("scan-reports", "./x//y.json")).isEqualTo("scan-reports/x/y.json");
        assertThatThrownBy(() -> BundlePaths.join("scan-reports", "a b.json"))
                .isInstanceOf(SecurityViolationException.class).hasMessageContaining("scan-reports/a b.json");
        assertThat(BundlePaths.printable("a\nb\u00e9")).isEqualTo("a\\u000ab\\u00e9");
        assertThat(BundlePaths.printable("x".repeat(200))).endsWith("...").hasSize(123);
        assertThat(BundlePaths.reserved("MANIFEST.json")).isTrue();
    }

    @Test
    void shouldValidateEntries() {
        assertThatThrownBy(() -> BundleEntry.of("manifest.json", BundleRole.SBOM, MediaTypes.JSON, new byte[0]))
                .hasMessageContaining("own manifest");
        assertThatThrownBy(() -> BundleEntry.of("sbom/x", BundleRole.SBOM, "not a type", new byte[0]))
                .hasMessageContaining("media type");
        assertThatThrownBy(() -> BundleEntry.of("trust/x.pem", BundleRole.TRUST, MediaTypes.PEM, new byte[0]))
                .hasMessageContaining("trust kind");
        assertThatThrownBy(() -> BundleEntry.of("/x", BundleRole.SBOM, MediaTypes.JSON, new byte[0]))
                .isInstanceOf(SecurityViolationException.class);
        byte[] content = {1, 2};
        BundleEntry e = BundleEntry.of("sbom/x", BundleRole.SBOM, MediaTypes.JSON, content);
        content[0] = 9;
        assertThat(e.content()).containsExactly(1, 2);
        assertThat(e).isEqualTo(BundleEntry.of("sbom/x", BundleRole.SBOM, MediaTypes.JSON, new byte[] {1, 2}))
                .hasSameHashCodeAs(BundleEntry.of("sbom/x", BundleRole.SBOM, MediaTypes.JSON, new byte[] {1, 2}));
        assertThat(e.toString()).isEqualTo("BundleEntry[sbom/x, sbom, application/json, 2 bytes]");
        assertThatThrownBy(() -> EvidenceBundle.builder("d", "e", BundleFixtures.sample().artifact(),
                BundleFixtures.CLOCK.instant()).add(BundleRole.TRUST, "k.pem", MediaTypes.PEM, new byte[0]))
                .hasMessageContaining("trust(...)");
    }

    @Test
    void shouldGuessMediaTypes() {
        assertThat(MediaTypes.byName("a.HTML")).isEqualTo(MediaTypes.HTML);
        assertThat(MediaTypes.byName("a.css")).isEqualTo(MediaTypes.CSS);
        assertThat(MediaTypes.byName("a.js")).isEqualTo(MediaTypes.JAVASCRIPT);
        assertThat(MediaTypes.byName("a.sarif")).isEqualTo(MediaTypes.SARIF);
        assertThat(MediaTypes.byName("a.jsonl")).isEqualTo(MediaTypes.JSON_LINES);
        assertThat(MediaTypes.byName("a.xml")).isEqualTo(MediaTypes.XML);
        assertThat(MediaTypes.byName("a.log")).isEqualTo(MediaTypes.TEXT);
        assertThat(MediaTypes.byName("a.pub")).isEqualTo(MediaTypes.PEM);
        assertThat(MediaTypes.byName("KEYS.asc")).isEqualTo(MediaTypes.PGP_KEYS);
        assertThat(MediaTypes.byName("a.bin")).isEqualTo(MediaTypes.OCTET_STREAM);
        assertThat(MediaTypes.ofSbom(bytes("\uFEFF {\"spdxVersion\":\"SPDX-2.3\"}"))).isEqualTo(MediaTypes.SPDX_JSON);
        assertThat(MediaTypes.ofSbom(bytes("<bom/>"))).isEqualTo(MediaTypes.CYCLONEDX_XML);
        assertThat(MediaTypes.ofSbom(bytes("SPDXVersion: SPDX-2.3"))).isEqualTo(MediaTypes.SPDX_TAG_VALUE);
        assertThat(MediaTypes.ofSbom(bytes("what"))).isEqualTo(MediaTypes.OCTET_STREAM);
        assertThat(MediaTypes.ofAttestation(bytes("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}")))
                .isEqualTo(MediaTypes.SIGSTORE_BUNDLE);
        assertThat(MediaTypes.isValid("application/vnd.dev.sigstore.bundle+json;version=0.3")).isTrue();
        assertThat(MediaTypes.isValid("Application/JSON")).isFalse();
        assertThat(MediaTypes.isSigned(MediaTypes.SIGSTORE_BUNDLE)).isTrue();
    }

    @Test
    void shouldNameTrustFilesByKind() {
        EvidenceBundle b = EvidenceBundle.builder("d", "e", BundleFixtures.sample().artifact(),
                BundleFixtures.CLOCK.instant())
                .trust(new io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial(
                        List.of(file("/home/me/a.pub", "x")),
                        List.of(file("KEYS", "-----BEGIN PGP PUBLIC KEY BLOCK-----"), file("k.gpg", "\u0099")),
                        List.of(file("root.crt", "x")), Optional.of(file("trusted_root.json", "{}"))))
                .trust(TrustKind.SIGSTORE_TRUSTED_ROOT, file("second.json", "{}"))
                .build();
        assertThat(b.entries()).extracting(BundleEntry::path).containsExactly("trust/pgp-keyring-1.asc",
                "trust/pgp-keyring-2.gpg", "trust/public-key-1.pem", "trust/sigstore-trusted-root-2.json",
                "trust/sigstore-trusted-root.json", "trust/x509-root-1.pem");
    }

    @Test
    void shouldRequireAPinnedAnchor() {
        assertThatThrownBy(() -> new ManifestAnchor(Optional.empty(), Optional.empty()))
                .hasMessageContaining("never trusted on its own");
        assertThatThrownBy(() -> ManifestAnchor.keyId("abc")).hasMessageContaining("sha256:");
        assertThat(ManifestAnchor.keyId("sha256:" + "0".repeat(64)).describe()).contains("pinned key id");
        assertThat(new ManifestAnchor(Optional.of(file("k.pub", "x")), Optional.of("sha256:" + "0".repeat(64)))
                .describe()).isEqualTo("the key in k.pub with id sha256:" + "0".repeat(64));
    }

    @Test
    void shouldKeepResultInvariants() {
        Problem p = Problem.of("x", "y", Location.ofFile("f"));
        assertThatThrownBy(() -> new BundleVerification(VerificationStatus.VERIFIED, "b", Optional.empty(), List.of(),
                List.of(p), List.of(), List.of(), Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BundleVerification(VerificationStatus.VERIFIED, "b", Optional.empty(), List.of(),
                List.of(), List.of(), List.of(), Optional.empty())).isInstanceOf(IllegalStateException.class);
        BundleVerification failed = new BundleVerification(VerificationStatus.FAILED, "b", null, List.of(),
                List.of(p, p), List.of(), List.of(), null);
        assertThat(failed.headline()).isEqualTo("FAILED evidence bundle b: f: y [x] (+1 more)");
        assertThat(failed.toString()).isEqualTo(failed.headline());
        assertThatThrownBy(() -> new BundleLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleLimits(1, 1, 1, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BundleRole.parse("scan-report")).contains(BundleRole.SCAN_REPORT);
        assertThat(BundleRole.parse("nope")).isEmpty();
        assertThat(TrustKind.parse("x509-root")).contains(TrustKind.X509_ROOT);
        assertThat(TrustKind.parse("nope")).isEmpty();
        assertThat(BundleSource.archive("x.tar.gz", () -> null).toString()).isEqualTo("archive x.tar.gz");
        assertThat(BundleSource.directory(java.nio.file.Path.of("d")).toString()).isEqualTo("directory d");
    }

    static EvidenceFile file(String name, String content) {
        return new EvidenceFile(name, bytes(content));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
