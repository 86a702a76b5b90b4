package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a sigstore bundle (protobuf-specs {@code Bundle} in JSON, media types v0.1, v0.2, v0.3) strictly: duplicate
 * keys, trailing data, truncation, an unknown media type, a missing or doubled content, a bad base64 value and (by
 * default) any field outside the spec are located {@link InvalidInputException}s.
 */
final class BundleReader {
    static final String MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.bundle";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "application/vnd.dev.sigstore.bundle+json;version=0.1", "0.1",
            "application/vnd.dev.sigstore.bundle+json;version=0.2", "0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.3", "0.3",
            "application/vnd.dev.sigstore.bundle.v0.3+json", "0.3");
    private static final String VM = Bundle.MATERIAL;

    private BundleReader() {}

    /** Cheap sniff: a JSON object whose top-level {@code mediaType} is a sigstore bundle media type. */
    static boolean looksLikeBundle(byte[] content) {
        try (JsonParser p = Json.strict().factory().createParser(new ByteArrayInputStream(content))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("mediaType".equals(name)) {
                    return value == JsonToken.VALUE_STRING && p.getText().startsWith(MEDIA_TYPE_PREFIX);
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static Bundle read(EvidenceFile evidence, boolean rejectUnknownFields) {
        LocatedTree tree = LocatedTree.read(evidence.content(), evidence.name(), false);
        JsonFieldReader f = new JsonFieldReader(tree, rejectUnknownFields);
        f.object("", Set.of("mediaType", "verificationMaterial", "messageSignature", "dsseEnvelope"));
        String mediaType = f.string("/mediaType");
        String version = MEDIA_TYPES.get(mediaType);
        if (version == null) {
            throw new InvalidInputException(tree.problem("sigstore.media-type",
                    "unknown bundle media type (supported: v0.1, v0.2, v0.3)", "/mediaType"));
        }
        Bundle.Material material = material(f, version);
        boolean hasMessage = f.has("/messageSignature");
        if (hasMessage == f.has("/dsseEnvelope")) {
            throw f.malformed("", hasMessage ? "a bundle carries either messageSignature or dsseEnvelope, not both"
                    : "the bundle has no content: messageSignature or dsseEnvelope is required");
        }
        return new Bundle(evidence.name(), version, material,
                hasMessage ? Optional.of(messageSignature(f)) : Optional.empty(),
                hasMessage ? Optional.empty() : Optional.of(dsse(f)), tree);
    }

    private static Bundle.Material material(JsonFieldReader f, String version) {
        f.object(VM, Set.of("publicKey", "x509CertificateChain", "certificate", "tlogEntries",
                "timestampVerificationData"));
        List<byte[]> certificates = new ArrayList<>();
        Optional<String> hint = Optional.empty();
        String certPointer;
        int kinds = (f.has(VM + "/publicKey") ? 1 : 0) + (f.has(VM + "/x509CertificateChain") ? 1 : 0)
                + (f.has(VM + "/certificate") ? 1 : 0);
        if (kinds != 1) {
            throw f.malformed(VM, "exactly one of publicKey, x509CertificateChain or certificate is required");
        }
        if (f.has(VM + "/publicKey")) {
            f.object(VM + "/publicKey", Set.of("hint"));
            hint = Optional.ofNullable(f.optionalString(VM + "/publicKey/hint"));
            certPointer = VM + "/publicKey";
        } else if (f.has(VM + "/certificate")) {
            if (!"0.3".equals(version)) {
                throw f.malformed(VM + "/certificate", "a single certificate needs bundle v0.3 (v" + version
                        + " uses x509CertificateChain)");
            }
            f.object(VM + "/certificate", Set.of("rawBytes"));
            certificates.add(f.bytes(VM + "/certificate/rawBytes"));
            certPointer = VM + "/certificate";
        } else {
            if ("0.3".equals(version)) {
                throw f.malformed(VM + "/x509CertificateChain",
                        "bundle v0.3 carries a single certificate, not x509CertificateChain");
            }
            String chain = VM + "/x509CertificateChain";
            f.object(chain, Set.of("certificates"));
            int n = f.arraySize(chain + "/certificates", true);
            if (n == 0) {
                throw f.malformed(chain + "/certificates", "the certificate chain is empty");
            }
            for (int i = 0; i < n; i++) {
                f.object(chain + "/certificates/" + i, Set.of("rawBytes"));
                certificates.add(f.bytes(chain + "/certificates/" + i + "/rawBytes"));
            }
            certPointer = chain + "/certificates/0";
        }
        List<Bundle.TlogEntry> entries = new ArrayList<>();
        int n = f.arraySize(VM + "/tlogEntries", false);
        for (int i = 0; i < n; i++) {
            entries.add(tlogEntry(f, i));
        }
        List<byte[]> timestamps = new ArrayList<>();
        if (f.has(VM + "/timestampVerificationData")) {
            String tvd = VM + "/timestampVerificationData";
            f.object(tvd, Set.of("rfc3161Timestamps"));
            int t = f.arraySize(tvd + "/rfc3161Timestamps", false);
            for (int i = 0; i < t; i++) {
                f.object(tvd + "/rfc3161Timestamps/" + i, Set.of("signedTimestamp"));
                timestamps.add(f.bytes(tvd + "/rfc3161Timestamps/" + i + "/signedTimestamp"));
            }
        }
        return new Bundle.Material(certificates, hint, entries, timestamps, certPointer);
    }

    private static Bundle.TlogEntry tlogEntry(JsonFieldReader f, int i) {
        String p = VM + "/tlogEntries/" + i;
        f.object(p, Set.of("logIndex", "logId", "kindVersion", "integratedTime", "inclusionPromise",
                "inclusionProof", "canonicalizedBody"));
        f.object(p + "/logId", Set.of("keyId"));
        f.object(p + "/kindVersion", Set.of("kind", "version"));
        Optional<byte[]> set = Optional.empty();
        if (f.has(p + "/inclusionPromise")) {
            f.object(p + "/inclusionPromise", Set.of("signedEntryTimestamp"));
            set = Optional.of(f.bytes(p + "/inclusionPromise/signedEntryTimestamp"));
        }
        Optional<Bundle.InclusionProof> proof = Optional.empty();
        if (f.has(p + "/inclusionProof")) {
            String ip = p + "/inclusionProof";
            f.object(ip, Set.of("logIndex", "rootHash", "treeSize", "hashes", "checkpoint"));
            List<byte[]> hashes = new ArrayList<>();
            int h = f.arraySize(ip + "/hashes", false);
            for (int k = 0; k < h; k++) {
                hashes.add(f.bytes(ip + "/hashes/" + k));
            }
            Optional<String> checkpoint = Optional.empty();
            if (f.has(ip + "/checkpoint")) {
                f.object(ip + "/checkpoint", Set.of("envelope"));
                checkpoint = Optional.of(f.string(ip + "/checkpoint/envelope"));
            }
            proof = Optional.of(new Bundle.InclusionProof(f.int64(ip + "/logIndex", false), f.bytes(ip + "/rootHash"),
                    f.int64(ip + "/treeSize", true), hashes, checkpoint));
        }
        return new Bundle.TlogEntry(i, f.int64(p + "/logIndex", false), f.bytes(p + "/logId/keyId"),
                f.string(p + "/kindVersion/kind"), f.string(p + "/kindVersion/version"),
                f.int64(p + "/integratedTime", false), set, proof, f.bytes(p + "/canonicalizedBody"));
    }

    private static Bundle.MessageSignature messageSignature(JsonFieldReader f) {
        f.object("/messageSignature", Set.of("messageDigest", "signature"));
        f.object("/messageSignature/messageDigest", Set.of("algorithm", "digest"));
        return new Bundle.MessageSignature(f.string("/messageSignature/messageDigest/algorithm"),
                f.bytes("/messageSignature/messageDigest/digest"), f.bytes("/messageSignature/signature"));
    }

    private static DsseEnvelope dsse(JsonFieldReader f) {
        f.object("/dsseEnvelope", Set.of("payload", "payloadType", "signatures"));
        int n = f.arraySize("/dsseEnvelope/signatures", true);
        if (n != 1) {
            throw f.malformed("/dsseEnvelope/signatures",
                    "the DSSE envelope of a sigstore bundle carries exactly one signature, found " + n);
        }
        f.object("/dsseEnvelope/signatures/0", Set.of("sig", "keyid"));
        DsseEnvelope.Signature signature = new DsseEnvelope.Signature(
                f.optionalString("/dsseEnvelope/signatures/0/keyid"), f.bytes("/dsseEnvelope/signatures/0/sig"));
        return new DsseEnvelope(f.string("/dsseEnvelope/payloadType"), f.bytes("/dsseEnvelope/payload"),
                List.of(signature));
    }
}
