package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.Objects;

/**
 * The administrator's minimum, written in the same format as a project policy: every limit is a ceiling a project
 * may lower but not raise, every {@code true} requirement stays required, {@code waiverRules} and
 * {@code overrideRules} bound what projects may do. {@link PolicyMerger} enforces it.
 */
public record PolicyFloor(Policy rules) {
    /** No admin floor: the secure defaults are the floor. */
    public static final PolicyFloor NONE = new PolicyFloor(Policy.DEFAULT);

    public PolicyFloor {
        Objects.requireNonNull(rules, "rules");
    }
}
