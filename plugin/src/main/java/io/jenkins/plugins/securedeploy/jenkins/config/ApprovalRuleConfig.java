package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.core.TextLists;
import java.time.Duration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A named approval rule ({@code requireApproval(rule: 'prod')}): N of the approvers (user ids and {@code group:}
 * names), required roles, timeout (a rejection when it passes), and the two relaxations only an admin may choose
 * (self-approval, votes without a reason). Validated by the engine's {@link ApprovalRule} whenever a field is set.
 */
public class ApprovalRuleConfig extends AbstractDescribableImpl<ApprovalRuleConfig> {
    private final String name;
    private final int required;
    private final String approvers;
    private String requiredRoles = "";
    private int timeoutMinutes = (int) ApprovalRule.DEFAULT_TIMEOUT.toMinutes();
    private boolean separationOfDuties = true;
    private boolean reasonRequired = true;

    @DataBoundConstructor
    public ApprovalRuleConfig(String name, int required, String approvers) {
        this.name = name == null ? "" : name.strip();
        if (!this.name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("name: 1-64 letters, digits, '.', '_' or '-'");
        }
        this.required = required;
        this.approvers = TextLists.format(TextLists.parse(approvers));
        toRule();
    }

    public String getName() {
        return name;
    }

    public int getRequired() {
        return required;
    }

    /** User ids and {@code group:<name>} entries, one per line. */
    public String getApprovers() {
        return approvers;
    }

    public String getRequiredRoles() {
        return requiredRoles;
    }

    @DataBoundSetter
    public void setRequiredRoles(String requiredRoles) {
        this.requiredRoles = TextLists.format(TextLists.parse(requiredRoles));
        toRule();
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
        toRule();
    }

    public boolean isSeparationOfDuties() {
        return separationOfDuties;
    }

    @DataBoundSetter
    public void setSeparationOfDuties(boolean separationOfDuties) {
        this.separationOfDuties = separationOfDuties;
    }

    public boolean isReasonRequired() {
        return reasonRequired;
    }

    @DataBoundSetter
    public void setReasonRequired(boolean reasonRequired) {
        this.reasonRequired = reasonRequired;
    }

    /** The engine's rule; throws IllegalArgumentException with the engine's reason when it cannot be met. */
    public ApprovalRule toRule() {
        return new ApprovalRule(required, TextLists.parse(approvers), TextLists.parse(requiredRoles),
                separationOfDuties, Duration.ofMinutes(timeoutMinutes), reasonRequired);
    }

    @Extension
    @Symbol("approvalRule")
    public static class DescriptorImpl extends Descriptor<ApprovalRuleConfig> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Approval rule";
        }
    }
}
