package io.jenkins.plugins.securedeploy.engine.sign.dsse;

import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeReader;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import io.jenkins.plugins.securedeploy.engine.sign.keys.TrustedKeys;
import io.jenkins.plugins.securedeploy.engine.sign.keys.TrustedKey;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DSSE envelopes against trusted public keys. Under the strict policy every signature must verify with a trusted
 * (and, if listed, allowed) key; the payload must be an in-toto Statement whose subjects include the artifact
 * (streamed, sha256/sha512 as the statement names them) and, if the policy names one, whose predicate type is the
 * expected one. A signature's key id picks the key when it names one of ours; otherwise every trusted key is tried.
 */
public final class DsseVerifier implements Verifier {
    public static final String FAMILY = "dsse";

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean recognizes(EvidenceFile evidence) {
        return DsseEnvelopeReader.looksLikeEnvelope(evidence.content());
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        return Verifications.guarded(FAMILY, request, this::check);
    }

    private VerificationResult check(VerificationRequest r) {
        if (r.trust().publicKeys().isEmpty()) {
            return Verifications.error(FAMILY, r, "trust.missing", "no trusted public key was given to verify the "
                    + "envelope with");
        }
        DsseEnvelope envelope = new DsseEnvelopeReader().read(r.evidence().content(), r.evidence().name(),
                r.policy().rejectUnknownFields());
        List<TrustedKey> keys = TrustedKeys.allowed(r.trust(), r.policy());
        if (keys.isEmpty()) {
            return Verifications.failed(FAMILY, r, "key.not-allowed", "none of the trusted keys is in the policy's "
                    + "allowed key ids");
        }
        if (envelope.signatures().isEmpty()) {
            return Verifications.failed(FAMILY, r, "dsse.unsigned", "the envelope has no signatures");
        }
        byte[] pae = envelope.pae();
        Set<String> signers = new LinkedHashSet<>();
        List<Problem> failures = new ArrayList<>();
        for (int i = 0; i < envelope.signatures().size(); i++) {
            DsseEnvelope.Signature sig = envelope.signatures().get(i);
            TrustedKey by = TrustedKeys.verifying(keys, sig.keyId(), pae, sig.sig());
            if (by == null) {
                failures.add(Problem.of("dsse.signature", "signature " + i + (sig.keyId().isEmpty() ? ""
                        : " (keyid " + sig.keyId() + ")") + " does not verify over the payload and payloadType with "
                        + "any trusted key", Location.ofPointer(r.evidence().name(), "/signatures/" + i, 0, 0)));
            } else {
                signers.add(by.keyId());
            }
        }
        if (signers.isEmpty() || (r.policy().requireAllSignatures() && !failures.isEmpty())) {
            return VerificationResult.failed(FAMILY, r.describe(), failures);
        }
        boolean needStatement = r.policy().requireArtifact() || r.artifact().isPresent()
                || r.policy().expectedDigests().isPresent() || r.policy().expectedPredicateType().isPresent();
        if (!needStatement) {
            return VerificationResult.verified(FAMILY, r.describe(), List.copyOf(signers), null, null,
                    r.policy().relaxations());
        }
        return StatementCheck.check(r, envelope, List.copyOf(signers));
    }

    @Override
    public String toString() {
        return FAMILY + " (" + Statement.PAYLOAD_TYPE + " and other DSSE payloads)";
    }
}
