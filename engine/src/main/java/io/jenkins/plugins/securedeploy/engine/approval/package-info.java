/**
 * Approvals: an {@link io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule} (N of M people from users and
 * groups, separation of duties, required roles, timeout, reason), what approvers are
 * {@link io.jenkins.plugins.securedeploy.engine.approval.Shown}, and the
 * {@link io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger} — a pure, serialisable state machine whose
 * final {@link io.jenkins.plugins.securedeploy.engine.approval.ApprovalDecision} carries the approval predicate's
 * data. Who is in which group comes from the host's {@link io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory}.
 * Jackson only in the {@code *Reader}/{@code *Writer} classes.
 */
package io.jenkins.plugins.securedeploy.engine.approval;
