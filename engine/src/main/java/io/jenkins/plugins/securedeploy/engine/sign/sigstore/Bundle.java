package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import java.util.List;
import java.util.Optional;

/**
 * A sigstore bundle as read by {@link BundleReader}: media type version, verification material and exactly one
 * content (a message signature or a DSSE envelope with one signature). Byte arrays are decoded from the bundle's
 * base64 and never shown in reasons. {@link #at} locates a JSON pointer in the bundle file for reasons.
 */
record Bundle(String file, String version, Material material, Optional<MessageSignature> messageSignature,
        Optional<DsseEnvelope> dsse, LocatedTree tree) {
    static final String MATERIAL = "/verificationMaterial";

    Bundle {
        if (messageSignature.isPresent() == dsse.isPresent()) {
            throw new IllegalArgumentException("a bundle has exactly one content");
        }
    }

    Location at(String pointer) {
        return tree.locate(pointer);
    }

    /** The signature bytes of the content (the message signature, or the DSSE envelope's only signature). */
    byte[] signature() {
        return messageSignature.map(MessageSignature::signature)
                .orElseGet(() -> dsse.orElseThrow().signatures().get(0).sig());
    }

    /** The pointer of the content's signature, for reasons. */
    String signaturePointer() {
        return messageSignature.isPresent() ? "/messageSignature/signature" : "/dsseEnvelope/signatures/0/sig";
    }

    /** The signer: a certificate (leaf first; later ones are informational) or a public-key hint. */
    record Material(List<byte[]> certificates, Optional<String> publicKeyHint, List<TlogEntry> tlogEntries,
            List<byte[]> rfc3161Timestamps, String certificatePointer) {
        Material {
            certificates = List.copyOf(certificates);
            tlogEntries = List.copyOf(tlogEntries);
            rfc3161Timestamps = List.copyOf(rfc3161Timestamps);
        }

        boolean keyless() {
            return !certificates.isEmpty();
        }
    }

    /** {@code messageSignature}: the artifact's digest (algorithm as the spec spells it) and the signature over it. */
    record MessageSignature(String digestAlgorithm, byte[] digest, byte[] signature) {}

    /** One transparency-log entry ({@code index} is its position in {@code tlogEntries}). */
    record TlogEntry(int index, long logIndex, byte[] logId, String kind, String version, long integratedTime,
            Optional<byte[]> signedEntryTimestamp, Optional<InclusionProof> inclusionProof, byte[] canonicalizedBody) {
        String pointer() {
            return MATERIAL + "/tlogEntries/" + index;
        }

        String kindVersion() {
            return kind + " " + version;
        }
    }

    /** An RFC 6962 inclusion proof and the checkpoint (signed note) that commits to its root. */
    record InclusionProof(long logIndex, byte[] rootHash, long treeSize, List<byte[]> hashes,
            Optional<String> checkpoint) {
        InclusionProof {
            hashes = List.copyOf(hashes);
        }
    }
}
