package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a verification demands. {@link #STRICT} is the default and the strictest: every signature present must verify,
 * the artifact must be given and its digest must be a subject of the evidence, keyless signers must match an
 * identity rule, transparency-log proof is required for keyless evidence, and unknown fields are refused. Each weaker
 * setting is explicit and listed by {@link #relaxations()} so reports show it.
 *
 * @param requireAllSignatures every signature in an envelope must verify (false: at least one trusted one)
 * @param requireArtifact the artifact must be supplied and bound by the evidence (false: evidence-only check)
 * @param expectedDigests the digests the subject must have (e.g. recorded at build time); empty = the artifact's own
 * @param expectedPredicateType the in-toto predicate type required (empty = any)
 * @param allowedKeyIds key ids / fingerprints allowed to sign (empty = any key in the trust material)
 * @param allowedIdentities keyless identities allowed (empty refuses every keyless signature)
 * @param requireTransparencyLog keyless evidence must carry a verifiable tlog inclusion proof
 * @param rejectUnknownFields envelopes and bundles with fields outside their spec are refused
 */
public record VerificationPolicy(boolean requireAllSignatures, boolean requireArtifact,
        Optional<DigestSet> expectedDigests, Optional<String> expectedPredicateType, List<String> allowedKeyIds,
        List<IdentityRule> allowedIdentities, boolean requireTransparencyLog, boolean rejectUnknownFields) {

    public static final VerificationPolicy STRICT = new VerificationPolicy(true, true, Optional.empty(),
            Optional.empty(), List.of(), List.of(), true, true);

    public VerificationPolicy {
        expectedDigests = expectedDigests == null ? Optional.empty() : expectedDigests;
        expectedPredicateType = expectedPredicateType == null ? Optional.empty() : expectedPredicateType;
        allowedKeyIds = allowedKeyIds == null ? List.of() : List.copyOf(allowedKeyIds);
        allowedIdentities = allowedIdentities == null ? List.of() : List.copyOf(allowedIdentities);
    }

    public VerificationPolicy withExpectedDigests(DigestSet digests) {
        return new VerificationPolicy(requireAllSignatures, requireArtifact, Optional.of(digests),
                expectedPredicateType, allowedKeyIds, allowedIdentities, requireTransparencyLog, rejectUnknownFields);
    }

    public VerificationPolicy withExpectedPredicateType(String type) {
        return new VerificationPolicy(requireAllSignatures, requireArtifact, expectedDigests, Optional.of(type),
                allowedKeyIds, allowedIdentities, requireTransparencyLog, rejectUnknownFields);
    }

    public VerificationPolicy withAllowedKeyIds(List<String> keyIds) {
        return new VerificationPolicy(requireAllSignatures, requireArtifact, expectedDigests, expectedPredicateType,
                keyIds, allowedIdentities, requireTransparencyLog, rejectUnknownFields);
    }

    public VerificationPolicy withAllowedIdentities(List<IdentityRule> identities) {
        return new VerificationPolicy(requireAllSignatures, requireArtifact, expectedDigests, expectedPredicateType,
                allowedKeyIds, identities, requireTransparencyLog, rejectUnknownFields);
    }

    /** Weaker: one trusted signature is enough. Listed as a relaxation. */
    public VerificationPolicy allowingAnySignature() {
        return new VerificationPolicy(false, requireArtifact, expectedDigests, expectedPredicateType, allowedKeyIds,
                allowedIdentities, requireTransparencyLog, rejectUnknownFields);
    }

    /** Weaker: verify the evidence without the artifact it is about. Listed as a relaxation. */
    public VerificationPolicy withoutArtifact() {
        return new VerificationPolicy(requireAllSignatures, false, expectedDigests, expectedPredicateType,
                allowedKeyIds, allowedIdentities, requireTransparencyLog, rejectUnknownFields);
    }

    /** Weaker: accept keyless evidence without a transparency-log proof. Listed as a relaxation. */
    public VerificationPolicy withoutTransparencyLog() {
        return new VerificationPolicy(requireAllSignatures, requireArtifact, expectedDigests, expectedPredicateType,
                allowedKeyIds, allowedIdentities, false, rejectUnknownFields);
    }

    /** Weaker: tolerate fields outside the spec. Listed as a relaxation. */
    public VerificationPolicy allowingUnknownFields() {
        return new VerificationPolicy(requireAllSignatures, requireArtifact, expectedDigests, expectedPredicateType,
                allowedKeyIds, allowedIdentities, requireTransparencyLog, false);
    }

    /** The settings weaker than {@link #STRICT}, in words, for reports. */
    public List<String> relaxations() {
        List<String> out = new ArrayList<>();
        if (!requireAllSignatures) {
            out.add("any one trusted signature is enough (strict: every signature must verify)");
        }
        if (!requireArtifact) {
            out.add("the artifact is not checked against the evidence (strict: the artifact's digest must be a subject)");
        }
        if (!requireTransparencyLog) {
            out.add("keyless evidence without a transparency-log proof is accepted (strict: proof required)");
        }
        if (!rejectUnknownFields) {
            out.add("fields outside the format's spec are tolerated (strict: refused)");
        }
        return List.copyOf(out);
    }
}
