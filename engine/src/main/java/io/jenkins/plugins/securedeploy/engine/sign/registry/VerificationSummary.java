package io.jenkins.plugins.securedeploy.engine.sign.registry;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A {@link VerificationResult} as plain serializable values, for hosts that carry it across a process boundary (a
 * Jenkins agent to the controller), persist it on a build, or show it on a page: status, family, subject, headline,
 * reasons, signers, the digests the evidence binds, the signing time and the relaxations, all as strings. It holds
 * no key or signature material (the result never does).
 */
public record VerificationSummary(VerificationStatus status, String family, String subject, String headline,
        List<String> reasons, List<String> signers, List<String> subjectDigests, String signedAt,
        List<String> relaxations) implements Serializable {
    private static final long serialVersionUID = 1L;

    public VerificationSummary {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(headline, "headline");
        reasons = List.copyOf(reasons);
        signers = List.copyOf(signers);
        subjectDigests = List.copyOf(subjectDigests);
        signedAt = signedAt == null ? "" : signedAt;
        relaxations = List.copyOf(relaxations);
    }

    public static VerificationSummary of(VerificationResult r) {
        return new VerificationSummary(r.status(), r.family(), r.subject(), r.headline(),
                r.reasons().stream().map(Problem::describe).toList(), r.signers(),
                r.subjectDigests().map(d -> d.digests().values().stream().map(Digest::toString).toList())
                        .orElse(List.of()),
                r.signedAt().map(Object::toString).orElse(""), r.relaxations());
    }

    public boolean isVerified() {
        return status == VerificationStatus.VERIFIED;
    }
}
