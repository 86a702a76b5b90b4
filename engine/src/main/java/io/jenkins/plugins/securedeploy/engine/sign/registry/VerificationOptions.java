package io.jenkins.plugins.securedeploy.engine.sign.registry;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a host's verify step or command asks for, as plain values (a Pipeline step's fields, a form, JCasC): the
 * family (empty: detect), the pinned digest, the predicate type, the allowed key ids and keyless identity, and the
 * relaxations asked for. {@link #policy(Set)} turns them into a {@link VerificationPolicy}, refusing a relaxation
 * the admin does not allow and every malformed value, each problem naming its field. Serializable so a host can send
 * it to where the artifact is.
 */
public record VerificationOptions(String family, String expectedDigest, String predicateType,
        List<String> allowedKeyIds, String identity, String identityIssuer, Set<Relaxation> relaxations)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The weaker-than-strict settings a caller may ask for (each also needs the admin's allowance). */
    public enum Relaxation {
        /** Verify the evidence without the artifact it is about. */
        NO_ARTIFACT,
        /** One trusted signature is enough. */
        ANY_SIGNATURE,
        /** Fields outside the format's spec are tolerated. */
        UNKNOWN_FIELDS,
        /** Keyless evidence without a transparency-log proof is accepted. */
        NO_TRANSPARENCY_LOG;

        /** {@code noArtifact}, {@code anySignature}, ... as hosts name the option. */
        public String option() {
            String[] parts = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder sb = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return sb.toString();
        }
    }

    public VerificationOptions {
        family = blankToEmpty(family);
        expectedDigest = blankToEmpty(expectedDigest);
        predicateType = blankToEmpty(predicateType);
        allowedKeyIds = allowedKeyIds == null ? List.of() : allowedKeyIds.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        identity = blankToEmpty(identity);
        identityIssuer = blankToEmpty(identityIssuer);
        relaxations = relaxations == null || relaxations.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(relaxations));
    }

    /** The strict defaults: detect the family, nothing pinned, nothing relaxed. */
    public static VerificationOptions strict() {
        return new VerificationOptions("", "", "", List.of(), "", "", Set.of());
    }

    /** The family to force, or empty to detect it. */
    public Optional<String> familyOverride() {
        return family.isEmpty() ? Optional.empty() : Optional.of(family);
    }

    /**
     * The policy: {@link VerificationPolicy#STRICT} with the pins applied and the asked-for relaxations, each of which
     * must be in {@code allowedByAdmin}. Throws {@link InvalidInputException} listing every problem.
     */
    public VerificationPolicy policy(Set<Relaxation> allowedByAdmin) {
        List<Problem> problems = new ArrayList<>();
        VerificationPolicy p = VerificationPolicy.STRICT;
        if (!expectedDigest.isEmpty()) {
            try {
                p = p.withExpectedDigests(DigestSet.of(Digest.parse(expectedDigest)));
            } catch (IllegalArgumentException e) {
                problems.add(problem("verify.option.digest", "expectedDigest must be <algorithm>:<hex>, for example "
                        + "sha256:<64 hex digits>", "expectedDigest"));
            }
        }
        if (!predicateType.isEmpty()) {
            p = p.withExpectedPredicateType(predicateType);
        }
        if (!allowedKeyIds.isEmpty()) {
            p = p.withAllowedKeyIds(allowedKeyIds);
        }
        if (identity.isEmpty() != identityIssuer.isEmpty()) {
            problems.add(problem("verify.option.identity", "identity and identityIssuer go together",
                    identity.isEmpty() ? "identity" : "identityIssuer"));
        } else if (!identity.isEmpty()) {
            p = p.withAllowedIdentities(List.of(IdentityRule.exact(identity, identityIssuer)));
        }
        for (Relaxation r : EnumSet.allOf(Relaxation.class)) {
            if (!relaxations.contains(r)) {
                continue;
            }
            if (allowedByAdmin == null || !allowedByAdmin.contains(r)) {
                problems.add(problem("verify.option.relaxation.refused", r.option() + " is a relaxation the admin "
                        + "does not allow (Manage Jenkins » Security » Secure Deploy verification)", r.option()));
                continue;
            }
            p = switch (r) {
                case NO_ARTIFACT -> p.withoutArtifact();
                case ANY_SIGNATURE -> p.allowingAnySignature();
                case UNKNOWN_FIELDS -> p.allowingUnknownFields();
                case NO_TRANSPARENCY_LOG -> p.withoutTransparencyLog();
            };
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return p;
    }

    private static Problem problem(String code, String message, String field) {
        return Problem.of(code, message, Location.ofPointer("verification options", "/" + field, 0, 0));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
