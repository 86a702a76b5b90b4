package io.jenkins.plugins.securedeploy.jenkins.approval;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code requireApproval} call asks for, kept in the execution (serializable, secret-free; a plain class, not
 * a record: Pipeline persists executions with JBoss Marshalling, which is not known to support records). The rule
 * comes from the admin's named rule or from the inline fields, which always keep the secure defaults (separation of
 * duties, a reason on every vote).
 */
final class ApprovalAsk implements Serializable {
    private static final long serialVersionUID = 1L;

    final String id;
    final String rule;
    final ArrayList<String> approvers;
    final int required;
    final ArrayList<String> requiredRoles;
    final int timeoutMinutes;
    final String artifact;
    final String digest;

    ApprovalAsk(String id, String rule, List<String> approvers, int required, List<String> requiredRoles,
            int timeoutMinutes, String artifact, String digest) {
        this.id = id;
        this.rule = rule;
        this.approvers = new ArrayList<>(approvers);
        this.required = required;
        this.requiredRoles = new ArrayList<>(requiredRoles);
        this.timeoutMinutes = timeoutMinutes;
        this.artifact = artifact;
        this.digest = digest;
    }

    /** The inline rule (the engine validates it: at least one approver, a quorum that can be met, a timeout). */
    ApprovalRule inlineRule() {
        return ApprovalRule.of(required, approvers).withRequiredRoles(requiredRoles)
                .withTimeout(Duration.ofMinutes(timeoutMinutes));
    }
}
