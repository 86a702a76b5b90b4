package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixtures of the sign tests, from {@code src/test/resources/.../engine/sign/} (see the README in each folder): the
 * test keys, the gpg- and openssl-made fixtures, and evidence of every family built from them.
 */
public final class SignFixtures {
    public static final String BASE = "/io/jenkins/plugins/securedeploy/engine/sign/";
    /** The time the PGP and X.509 fixtures are checked at (they were made 2026-12-01; certificates last 10 years). */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
    public static final byte[] ARTIFACT = "the release artifact\n".getBytes(StandardCharsets.UTF_8);
    public static final String PREDICATE = "https://example.com/test-predicate/v1";

    private SignFixtures() {}

    public static byte[] resource(String relative) {
        try (InputStream in = SignFixtures.class.getResourceAsStream(BASE + relative)) {
            if (in == null) {
                throw new AssertionError("missing fixture " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EvidenceFile evidence(String relative) {
        return new EvidenceFile(relative, resource(relative));
    }

    public static KeySigner signer() {
        return signer("keys/test-p256.TESTKEY-private.pem");
    }

    public static KeySigner otherSigner() {
        return signer("keys/other-p256.TESTKEY-private.pem");
    }

    public static KeySigner signer(String relative) {
        return PemKeys.signer(SecretValue.of(new String(resource(relative), StandardCharsets.US_ASCII)),
                Optional.empty(), relative);
    }

    public static TrustMaterial trustedKey() {
        return TrustMaterial.ofPublicKeys(evidence("keys/test-p256.pub.pem"));
    }

    public static TrustMaterial otherKey() {
        return TrustMaterial.ofPublicKeys(evidence("keys/other-p256.pub.pem"));
    }

    public static ArtifactSource artifact() {
        return ArtifactSource.of(ARTIFACT, "app.bin");
    }

    public static Statement statement(byte[] subjectContent) {
        return Statement.of(List.of(Subject.of("app.bin", Hashing.bytes(subjectContent))), PREDICATE,
                Map.of("note", "fixture"));
    }

    public static byte[] dsseEnvelope() {
        return new Attestor().attestJson(statement(ARTIFACT), List.of(signer()));
    }

    /** What {@code cosign sign-blob --key} writes: base64 DER ECDSA over SHA-256 of the blob, and a newline. */
    public static byte[] cosignSignature(KeySigner signer, byte[] blob) {
        return (Base64.getEncoder().encodeToString(signer.sign(blob)) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] digestPin() {
        return (Hashing.sha256(ARTIFACT) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One valid piece of evidence per family, for detection tests. */
    public static Map<String, EvidenceFile> evidenceByFamily() {
        return Map.of(
                "dsse", new EvidenceFile("app.intoto.json", dsseEnvelope()),
                "cosign", new EvidenceFile("app.bin.sig", cosignSignature(signer(), ARTIFACT)),
                "pgp", evidence("pgp/artifact.txt.asc"),
                "x509", evidence("x509/leaf-codesigning.pem"),
                "digest", new EvidenceFile("app.bin.sha256", digestPin()),
                "sigstore", interopEvidence("sigstore/py-bundle_v3.txt.sigstore.json"));
    }

    /** A real third-party file from ../shared/interop (never copied into the repository). */
    static EvidenceFile interopEvidence(String relative) {
        try {
            return new EvidenceFile(relative.substring(relative.lastIndexOf('/') + 1),
                    java.nio.file.Files.readAllBytes(io.jenkins.plugins.securedeploy.engine.testing.InteropData.file(relative)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
