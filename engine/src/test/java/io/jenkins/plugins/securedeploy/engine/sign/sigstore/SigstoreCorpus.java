package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.testing.InteropData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real sigstore bundles of {@code shared/interop} (sigstore/*, slsa/*) with what SOURCES.md says of each: the
 * trusted root, the artifact (bytes, or only a digest file), the identity and the expected outcome (all pass). Shared
 * by the unit test and the sigstore-js interop test, so both check the same cases.
 */
final class SigstoreCorpus {
    static final String GITHUB = "https://github.com/login/oauth";
    static final String ACTIONS = "https://token.actions.githubusercontent.com";

    /** How the artifact is given: its bytes, an expected digest from a digest file, or none (evidence only). */
    enum Binding { ARTIFACT, DIGEST, NONE }

    record Case(String name, EvidenceFile bundle, EvidenceFile trustedRoot, Binding binding,
            Optional<EvidenceFile> artifact, Optional<Digest> digest, Optional<IdentityRule> identity,
            Optional<EvidenceFile> publicKey) {
        TrustMaterial trust() {
            return new TrustMaterial(publicKey.map(List::of).orElse(List.of()), List.of(), List.of(),
                    Optional.of(trustedRoot));
        }

        Case with(String newName, EvidenceFile newBundle) {
            return new Case(newName, newBundle, trustedRoot, binding, artifact, digest, identity, publicKey);
        }

        Case withIdentity(IdentityRule rule) {
            return new Case(name, bundle, trustedRoot, binding, artifact, digest, Optional.of(rule), publicKey);
        }

        Case withTrustedRoot(EvidenceFile root) {
            return new Case(name, bundle, root, binding, artifact, digest, identity, publicKey);
        }

        Case withKey(EvidenceFile key) {
            return new Case(name, bundle, trustedRoot, binding, artifact, digest, identity, Optional.of(key));
        }

        Case withDigest(Digest expected) {
            return new Case(name, bundle, trustedRoot, Binding.DIGEST, Optional.empty(), Optional.of(expected),
                    identity, publicKey);
        }

        VerificationPolicy policy() {
            VerificationPolicy p = VerificationPolicy.STRICT.withAllowedIdentities(identity.map(List::of)
                    .orElse(List.of()));
            if (binding == Binding.DIGEST) {
                p = p.withExpectedDigests(DigestSet.of(digest.orElseThrow()));
            }
            return binding == Binding.NONE ? p.withoutArtifact() : p;
        }

        VerificationRequest request() {
            return request(bundle);
        }

        VerificationRequest request(EvidenceFile evidence) {
            return new VerificationRequest(evidence, artifact.map(a -> ArtifactSource.of(a.content(), a.name())),
                    trust(), policy());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private SigstoreCorpus() {}

    static List<Case> cases() {
        IdentityRule brian = IdentityRule.exact("brian@dehamer.com", GITHUB);
        return List.of(
                withArtifact("sigstore/py-bundle.txt", "staging", IdentityRule.exact("a@tny.town", GITHUB)),
                withArtifact("sigstore/py-bundle_v3.txt", "staging", IdentityRule.exact("william@yossarian.net", GITHUB)),
                withArtifact("sigstore/py-staging-rekor-v2.txt", "staging", IdentityRule.exact("jku@goto.fi", GITHUB)),
                byDigest("sigstore/py-bundle_v3_github.whl.sigstore.json", "sigstore/py-bundle_v3_github.whl.sha256",
                        IdentityRule.exact("https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml"
                                + "@refs/tags/v0.1.2", ACTIONS)),
                evidenceOnly("sigstore/js-bundleV01-dsse-with-proof.sigstore.json", brian),
                evidenceOnly("sigstore/js-bundleV02-dsse.sigstore.json", brian),
                evidenceOnly("sigstore/js-bundleV03-intoto.sigstore.json", brian),
                byDigest("slsa/bcr-MODULE.bazel.intoto.jsonl", "slsa/bcr-MODULE.bazel.sha256", IdentityRule.exact(
                        "https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml@refs/tags/v0.0.1",
                        ACTIONS)),
                new Case("slsa/gha_delegator", file("slsa/gha_delegator-v2.1.0-binary-linux-amd64-workflow_dispatch"
                        + ".build.slsa"), root("production"), Binding.ARTIFACT, Optional.of(file(
                                "slsa/gha_delegator-v2.1.0-binary-linux-amd64-workflow_dispatch")), Optional.empty(),
                        Optional.of(IdentityRule.exact("https://github.com/slsa-framework/slsa-github-generator/.github/"
                                + "workflows/delegator_generic_slsa3.yml@refs/tags/v2.1.0", ACTIONS)), Optional.empty()),
                npm(1, Optional.of(IdentityRule.exact("https://github.com/ramonpetgrave64/gundam-visor/.github/workflows/"
                        + "npm-publish.yml@refs/tags/v1.0.1", ACTIONS)), Optional.empty()),
                npm(0, Optional.empty(), Optional.of(file("slsa/npm-attestations-key.pub.pem"))));
    }

    private static Case withArtifact(String artifact, String root, IdentityRule identity) {
        return new Case(artifact, file(artifact + ".sigstore.json"), root(root), Binding.ARTIFACT,
                Optional.of(file(artifact)), Optional.empty(), Optional.of(identity), Optional.empty());
    }

    private static Case byDigest(String bundle, String digestFile, IdentityRule identity) {
        return new Case(bundle, file(bundle), root("production"), Binding.DIGEST, Optional.empty(),
                Optional.of(digest(digestFile)), Optional.of(identity), Optional.empty());
    }

    private static Case evidenceOnly(String bundle, IdentityRule identity) {
        return new Case(bundle, file(bundle), root("production"), Binding.NONE, Optional.empty(), Optional.empty(),
                Optional.of(identity), Optional.empty());
    }

    static EvidenceFile root(String which) {
        return file("sigstore/trusted_root." + which + ".json");
    }

    private static Case npm(int index, Optional<IdentityRule> identity, Optional<EvidenceFile> key) {
        String doc = "slsa/npm-gundam-visor-1.0.1.tgz.attestations.json";
        JsonNode root = Json.strict().readTree(new java.io.ByteArrayInputStream(read(InteropData.file(doc))), doc);
        byte[] bundle = root.at("/attestations/" + index + "/bundle").toString().getBytes(StandardCharsets.UTF_8);
        String name = "npm-gundam-visor-1.0.1 attestations[" + index + "].bundle";
        return new Case(name, new EvidenceFile(name, bundle), root("production"), Binding.DIGEST, Optional.empty(),
                Optional.of(digest("slsa/npm-gundam-visor-1.0.1.tgz.sha512")), identity, key);
    }

    static Digest digest(String digestFile) {
        String hex = new String(read(InteropData.file(digestFile)), StandardCharsets.US_ASCII).trim();
        return new Digest(hex.length() == 64 ? io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm.SHA256
                : io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm.SHA512, hex);
    }

    static EvidenceFile file(String relative) {
        Path p = InteropData.file(relative);
        return new EvidenceFile(p.getFileName().toString(), read(p));
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
