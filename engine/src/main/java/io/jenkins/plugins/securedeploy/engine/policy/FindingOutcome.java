package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.Objects;
import java.util.Optional;

/**
 * How the gate saw one finding: new or known from the baseline, waived (by which waiver), whether an expired waiver
 * would have matched, and whether it counted toward thresholds.
 */
public record FindingOutcome(Finding finding, boolean isNew, Waiver waivedBy, Waiver expiredWaiver, boolean counted) {
    public FindingOutcome {
        Objects.requireNonNull(finding, "finding");
    }

    public Optional<Waiver> waiver() {
        return Optional.ofNullable(waivedBy);
    }

    public Optional<Waiver> expired() {
        return Optional.ofNullable(expiredWaiver);
    }
}
