package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks one transparency-log entry of a bundle against the trusted root: the log is trusted, the entry's body logs
 * this bundle's signature (same signature, same certificate or key, same digest or payload hash), the signed entry
 * timestamp (SET) verifies with the log's key over {@code {body, integratedTime, logID, logIndex}} (RFC 8785), the
 * inclusion proof's audit path leads to its root hash and a checkpoint signed by the log's key commits to that root.
 */
final class TlogEntryCheck {
    /** What the entry proved: its log, the integrated time if a SET vouches for it, whether inclusion is proven. */
    record Outcome(Optional<TrustedRoot.LogKey> log, Optional<Instant> integratedTime, boolean inclusionProven) {}

    private final Bundle bundle;
    private final TrustedRoot root;
    private final Findings findings;
    private final boolean requireProof;

    TlogEntryCheck(Bundle bundle, TrustedRoot root, Findings findings, boolean requireProof) {
        this.bundle = bundle;
        this.root = root;
        this.findings = findings;
        this.requireProof = requireProof;
    }

    /** {@code signerDer}: the leaf certificate's DER (keyless) or the key's SPKI (keyed). */
    Outcome check(Bundle.TlogEntry entry, byte[] signerDer) {
        String p = entry.pointer();
        Optional<TrustedRoot.LogKey> log = root.tlog(entry.logId());
        if (log.isEmpty()) {
            findings.fail("tlog-unknown", "the entry's log is not a transparency log of the trusted root "
                    + root.file(), bundle.at(p + "/logId/keyId"));
            return new Outcome(Optional.empty(), Optional.empty(), false);
        }
        body(entry, signerDer);
        Optional<Instant> integrated = Optional.empty();
        if (entry.signedEntryTimestamp().isPresent()) {
            integrated = set(entry, log.get());
        }
        boolean proven = entry.inclusionProof().isPresent() && proof(entry, entry.inclusionProof().get(), log.get());
        if (entry.signedEntryTimestamp().isEmpty() && entry.inclusionProof().isEmpty()) {
            findings.fail("tlog-inclusion", "the entry has neither an inclusion proof nor an inclusion promise (SET)",
                    bundle.at(p));
        } else if (requireProof && entry.inclusionProof().isEmpty()) {
            findings.fail("tlog-inclusion", "the entry has no inclusion proof; a SET alone is the log's promise, not a"
                    + " proof (strict; relax with withoutTransparencyLog)", bundle.at(p));
        }
        return new Outcome(log, integrated, proven);
    }

    private void body(Bundle.TlogEntry entry, byte[] signerDer) {
        String at = entry.pointer() + "/canonicalizedBody";
        RekorBody body;
        try {
            body = RekorBodyReader.read(entry, bundle.file());
        } catch (InvalidInputException e) {
            findings.errors(e.problems());
            return;
        }
        if (body.signatureCount() != 1) {
            findings.fail("tlog-body", "the logged entry has " + body.signatureCount() + " signatures, the bundle 1",
                    bundle.at(at));
        }
        if (!MessageDigest.isEqual(body.signature(), bundle.signature())) {
            findings.fail("tlog-body", "the logged signature is not the bundle's signature", bundle.at(at));
        }
        if (!MessageDigest.isEqual(body.verifier().der(), signerDer)) {
            findings.fail("tlog-body", "the logged " + (body.verifier().certificate() ? "certificate" : "public key")
                    + " is not the bundle's signer", bundle.at(at));
        }
        if (body.dataDigest().isPresent()) {
            RekorBody.Hash logged = body.dataDigest().get();
            Optional<RekorBody.Hash> signed = bundle.messageSignature()
                    .map(m -> new RekorBody.Hash(RekorBodyReader.algorithm(m.digestAlgorithm()), m.digest()))
                    .or(() -> bundle.dsse().map(d -> new RekorBody.Hash("sha256", Hashing.sha256(d.pae()).bytes())));
            if (!logged.algorithm().equals(signed.orElseThrow().algorithm())
                    || !MessageDigest.isEqual(logged.value(), signed.get().value())) {
                findings.fail("tlog-body", "the logged digest is not the digest the bundle signs", bundle.at(at));
            }
        }
        if (body.payloadHash().isPresent()) {
            if (bundle.dsse().isEmpty()) {
                findings.fail("tlog-body", "a " + body.kind() + " entry logs a DSSE envelope, the bundle has a message"
                        + " signature", bundle.at(at));
                return;
            }
            RekorBody.Hash logged = body.payloadHash().get();
            if (!"sha256".equals(logged.algorithm()) || !MessageDigest.isEqual(logged.value(),
                    Hashing.sha256(bundle.dsse().get().payload()).bytes())) {
                findings.fail("tlog-body", "the logged payload hash is not the SHA-256 of the bundle's DSSE payload",
                        bundle.at(at));
            }
            if (body.payloadType().isPresent() && !body.payloadType().get().equals(bundle.dsse().get().payloadType())) {
                findings.fail("tlog-body", "the logged payloadType is not the bundle's", bundle.at(at));
            }
        }
    }

    private Optional<Instant> set(Bundle.TlogEntry entry, TrustedRoot.LogKey log) {
        String canonical = "{\"body\":\"" + Base64.getEncoder().encodeToString(entry.canonicalizedBody())
                + "\",\"integratedTime\":" + entry.integratedTime() + ",\"logID\":\""
                + HexFormat.of().formatHex(entry.logId()) + "\",\"logIndex\":" + entry.logIndex() + "}";
        String at = entry.pointer() + "/inclusionPromise/signedEntryTimestamp";
        if (!Signatures.verify(log.key(), canonical.getBytes(StandardCharsets.UTF_8),
                entry.signedEntryTimestamp().orElseThrow())) {
            findings.fail("tlog-set", "the signed entry timestamp does not verify with the log's key over the entry's"
                    + " body, integratedTime, logID and logIndex", bundle.at(at));
            return Optional.empty();
        }
        Instant time = Instant.ofEpochSecond(entry.integratedTime());
        if (!log.validFor().contains(time)) {
            findings.fail("tlog-validity", "integratedTime " + time + " is outside the log key's validity "
                    + log.validFor().describe(), bundle.at(entry.pointer() + "/integratedTime"));
            return Optional.empty();
        }
        return Optional.of(time);
    }

    private boolean proof(Bundle.TlogEntry entry, Bundle.InclusionProof proof, TrustedRoot.LogKey log) {
        String at = entry.pointer() + "/inclusionProof";
        Optional<String> merkle = MerkleProof.check(entry.canonicalizedBody(), proof.logIndex(), proof.treeSize(),
                proof.hashes(), proof.rootHash());
        if (merkle.isPresent()) {
            findings.fail("tlog-inclusion-proof", merkle.get(), bundle.at(at));
            return false;
        }
        if (proof.checkpoint().isEmpty()) {
            if (requireProof) {
                findings.fail("tlog-checkpoint", "the inclusion proof has no checkpoint, so nothing signed commits to"
                        + " its root hash", bundle.at(at));
            }
            return false;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(proof.checkpoint().get());
        } catch (IllegalArgumentException e) {
            findings.error("tlog-checkpoint", e.getMessage(), bundle.at(at + "/checkpoint/envelope"));
            return false;
        }
        if (!checkpoint.signedBy(log)) {
            findings.fail("tlog-checkpoint", "the checkpoint is not signed by the log's key",
                    bundle.at(at + "/checkpoint/envelope"));
            return false;
        }
        if (checkpoint.treeSize() != proof.treeSize() || !MessageDigest.isEqual(checkpoint.rootHash(),
                proof.rootHash())) {
            findings.fail("tlog-inclusion-proof", "the proof's root hash and tree size do not match the signed"
                    + " checkpoint", bundle.at(at));
            return false;
        }
        return true;
    }
}
