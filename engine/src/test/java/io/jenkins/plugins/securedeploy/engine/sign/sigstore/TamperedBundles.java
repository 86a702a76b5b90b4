package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tampered corpus (see {@code tampered/README.md} in the test resources): one case per attack, each derived here
 * from a real bundle of {@code shared/interop} (never copied into the repository) or forged by {@link BundleForge},
 * with the outcome and reason code our verifier must give, and whether sigstore-js (knowingly laxer in a few places)
 * accepts it.
 */
final class TamperedBundles {
    private static final ObjectMapper JSON = Json.strict().mapper();

    /** An attack: the case to verify, our expected status and reason code, and sigstore-js's expected verdict. */
    record Attack(String name, SigstoreCorpus.Case target, VerificationStatus status, String code, boolean jsAccepts) {
        @Override
        public String toString() {
            return name;
        }
    }

    private TamperedBundles() {}

    static List<Attack> attacks() {
        SigstoreCorpus.Case v3 = corpusCase("sigstore/py-bundle_v3.txt");
        SigstoreCorpus.Case v01 = corpusCase("sigstore/py-bundle.txt");
        SigstoreCorpus.Case rekorV2 = corpusCase("sigstore/py-staging-rekor-v2.txt");
        SigstoreCorpus.Case bcr = corpusCase("slsa/bcr-MODULE.bazel.intoto.jsonl");
        SigstoreCorpus.Case npmPublish = corpusCase("npm-gundam-visor-1.0.1 attestations[0].bundle");
        String otherSha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        BundleForge.Forged expired = new BundleForge().signedAt(BundleForge.NOT_BEFORE.plusSeconds(1200))
                .forge("forged-certificate-expired.sigstore.json");
        BundleForge.Forged noSct = new BundleForge().withoutSct().forge("forged-no-sct.sigstore.json");
        return List.of(
                failed("payload-changed", edit(bcr, "tampered-payload.json", b -> payload(b,
                        p -> p.replace("publish-to-bcr", "publish-to-bcX"))), "sigstore.signature"),
                failed("payload-type-changed", edit(bcr, "tampered-payload-type.json",
                        b -> ((ObjectNode) b.get("dsseEnvelope")).put("payloadType", "application/vnd.in-toto.v2+json")),
                        "sigstore.signature"),
                failed("signature-from-another-key", edit(v3, "tampered-signature-other-key.json",
                        b -> ((ObjectNode) b.get("messageSignature")).put("signature", b64(otherKeySignature(v3)))),
                        "sigstore.signature"),
                failed("subject-digest-swapped", edit(bcr, "tampered-subject-digest.json", b -> payload(b,
                        p -> p.replaceFirst("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + otherSha256 + "\"")))
                        .withDigest(new io.jenkins.plugins.securedeploy.engine.core.Digest(
                                io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm.SHA256, otherSha256)),
                        "sigstore.signature"),
                new Attack("artifact-not-a-subject", bcr.withDigest(new io.jenkins.plugins.securedeploy.engine.core.Digest(
                        io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm.SHA256, otherSha256)),
                        VerificationStatus.FAILED, "sigstore.expected-digest", true),
                failed("identity-not-allowed", v3.withIdentity(IdentityRule.exact("someone@else.example",
                        SigstoreCorpus.GITHUB)), "sigstore.identity"),
                failed("certificate-expired-at-signing-time", forged(expired), "sigstore.certificate-expired"),
                failed("certificate-without-sct", forged(noSct), "sigstore.sct"),
                failed("inclusion-proof-altered", edit(v3, "tampered-inclusion-proof.json",
                        b -> ((ArrayNode) b.at("/verificationMaterial/tlogEntries/0/inclusionProof/hashes"))
                                .set(0, b64(new byte[32]))), "sigstore.tlog-inclusion-proof"),
                failed("checkpoint-signature-altered", edit(v3, "tampered-checkpoint-signature.json",
                        TamperedBundles::alterCheckpointSignature), "sigstore.tlog-checkpoint"),
                failed("set-altered", edit(v3, "tampered-set.json", b -> flip((ObjectNode) b.at(
                        "/verificationMaterial/tlogEntries/0/inclusionPromise"), "signedEntryTimestamp", 12)),
                        "sigstore.tlog-set"),
                failed("timestamp-altered", edit(rekorV2, "tampered-rfc3161-timestamp.json", b -> flip((ObjectNode) b.at(
                        "/verificationMaterial/timestampVerificationData/rfc3161Timestamps/0"), "signedTimestamp", -20)),
                        "sigstore.timestamp"),
                failed("wrong-trusted-root", v3.withTrustedRoot(SigstoreCorpus.root("production")),
                        "sigstore.tlog-unknown"),
                new Attack("set-only-v0.1-bundle", edit(v01, "set-only-v0.1.json",
                        b -> ((ObjectNode) b.at("/verificationMaterial/tlogEntries/0")).remove("inclusionProof")),
                        VerificationStatus.FAILED, "sigstore.tlog-inclusion", true),
                failed("publish-attestation-with-another-key", npmPublish.withKey(new EvidenceFile("other.pub.pem",
                        SigstoreCorpus.read(io.jenkins.plugins.securedeploy.engine.testing.InteropData.file(
                                "dsse/bcid-vsa.pub.pem")))), "sigstore.signature"),
                new Attack("truncated-bundle", v3.with("truncated.json", new EvidenceFile("truncated.json",
                        Arrays.copyOf(v3.bundle().content(), v3.bundle().content().length / 2))),
                        VerificationStatus.ERROR, "json.truncated", false),
                new Attack("duplicate-json-keys", v3.with("duplicate-keys.json", new EvidenceFile("duplicate-keys.json",
                        duplicateMediaType(v3.bundle().content()))), VerificationStatus.ERROR, "json.duplicate-key", true),
                new Attack("unknown-media-type", edit(v3, "unknown-media-type.json", b -> ((ObjectNode) b).put("mediaType",
                        "application/vnd.dev.sigstore.bundle+json;version=0.9")), VerificationStatus.ERROR,
                        "sigstore.media-type", true),
                new Attack("unknown-field", edit(v3, "unknown-field.json", b -> ((ObjectNode) b).put("comment",
                        "not in the spec")), VerificationStatus.ERROR, "sigstore.unknown-field", true));
    }

    /** The valid forged bundle the attacks above are variants of: must verify (with us and sigstore-js). */
    static SigstoreCorpus.Case forgedValid() {
        return forged(new BundleForge().forge("forged-valid.sigstore.json"));
    }

    static SigstoreCorpus.Case forged(BundleForge.Forged f) {
        return new SigstoreCorpus.Case(f.bundle().name(), f.bundle(), f.trustedRoot(), SigstoreCorpus.Binding.ARTIFACT,
                Optional.of(f.artifact()), Optional.empty(),
                Optional.of(IdentityRule.exact(BundleForge.SAN, BundleForge.ISSUER)), Optional.empty());
    }

    private static Attack failed(String name, SigstoreCorpus.Case target, String code) {
        return new Attack(name, target, VerificationStatus.FAILED, code, false);
    }

    static SigstoreCorpus.Case corpusCase(String name) {
        return SigstoreCorpus.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static SigstoreCorpus.Case edit(SigstoreCorpus.Case base, String name, Consumer<JsonNode> change) {
        try {
            JsonNode tree = JSON.readTree(new ByteArrayInputStream(base.bundle().content()));
            change.accept(tree);
            return base.with(name, new EvidenceFile(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void payload(JsonNode bundle, java.util.function.UnaryOperator<String> change) {
        ObjectNode dsse = (ObjectNode) bundle.get("dsseEnvelope");
        String payload = new String(Base64.getDecoder().decode(dsse.get("payload").textValue()), StandardCharsets.UTF_8);
        String changed = change.apply(payload);
        if (changed.equals(payload)) {
            throw new IllegalStateException("the payload edit changed nothing");
        }
        dsse.put("payload", b64(changed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Flips one bit of a base64 field's bytes at {@code index} (negative: from the end). */
    private static void flip(ObjectNode holder, String field, int index) {
        byte[] raw = Base64.getDecoder().decode(holder.get(field).textValue());
        int i = index >= 0 ? index : raw.length + index;
        raw[i] ^= 0x01;
        holder.put(field, b64(raw));
    }

    private static void alterCheckpointSignature(JsonNode bundle) {
        ObjectNode cp = (ObjectNode) bundle.at("/verificationMaterial/tlogEntries/0/inclusionProof/checkpoint");
        String envelope = cp.get("envelope").textValue();
        int space = envelope.lastIndexOf(' ');
        byte[] sig = Base64.getDecoder().decode(envelope.substring(space + 1).trim());
        sig[sig.length - 3] ^= 0x01;
        cp.put("envelope", envelope.substring(0, space + 1) + b64(sig) + "\n");
    }

    private static byte[] otherKeySignature(SigstoreCorpus.Case c) {
        try {
            return BundleForge.sign(BundleForge.ecKey().getPrivate(), c.artifact().orElseThrow().content());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] duplicateMediaType(byte[] bundle) {
        String text = new String(bundle, StandardCharsets.UTF_8);
        int brace = text.indexOf('{');
        return (text.substring(0, brace + 1) + "\"mediaType\": \"application/vnd.dev.sigstore.bundle.v0.3+json\","
                + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
