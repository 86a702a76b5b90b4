package io.jenkins.plugins.securedeploy.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securedeploy.engine.approval.RoleAssignments;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.verb.POST;

/**
 * Approvals and signed evidence: named approval rules, the roles approvers hold (through users or groups of the
 * security realm), and the "Secret text" credentials holding the PEM key that signs approval decisions and
 * attestations by default. JCasC: {@code security: secureDeployApprovals: ...}.
 */
@Extension
@Symbol("secureDeployApprovals")
public class ApprovalConfiguration extends GlobalConfiguration {
    private List<ApprovalRuleConfig> rules = new ArrayList<>();
    private List<RoleConfig> roles = new ArrayList<>();
    private String evidenceKeyCredentialsId = "";

    public ApprovalConfiguration() {
        load();
    }

    @NonNull
    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    @Override
    public boolean configure(StaplerRequest req, JSONObject json) throws FormException {
        rules = new ArrayList<>();
        roles = new ArrayList<>();
        return super.configure(req, json);
    }

    public Optional<ApprovalRuleConfig> rule(String name) {
        return getRules().stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    /** The roles as the engine's assignments. */
    public RoleAssignments roleAssignments() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        getRoles().forEach(r -> m.put(r.getName(), r.memberList()));
        return new RoleAssignments(m);
    }

    public List<ApprovalRuleConfig> getRules() {
        return rules == null ? List.of() : List.copyOf(rules);
    }

    @DataBoundSetter
    public void setRules(List<ApprovalRuleConfig> rules) {
        List<ApprovalRuleConfig> list = rules == null ? List.of() : rules;
        if (list.stream().map(ApprovalRuleConfig::getName).distinct().count() != list.size()) {
            throw new IllegalArgumentException("rules: two rules have the same name");
        }
        this.rules = new ArrayList<>(list);
        save();
    }

    public List<RoleConfig> getRoles() {
        return roles == null ? List.of() : List.copyOf(roles);
    }

    @DataBoundSetter
    public void setRoles(List<RoleConfig> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
        roleAssignments();
        save();
    }

    /** Credentials id of the evidence signing key (PEM in "Secret text"); empty: evidence is unsigned. */
    public String getEvidenceKeyCredentialsId() {
        return evidenceKeyCredentialsId;
    }

    @DataBoundSetter
    public void setEvidenceKeyCredentialsId(String id) {
        this.evidenceKeyCredentialsId = id == null ? "" : id.strip();
        save();
    }

    /** The "Secret text" credentials an administrator may pick as the evidence key (system scope). */
    @POST
    public ListBoxModel doFillEvidenceKeyCredentialsIdItems(@QueryParameter String value) {
        if (!new JenkinsFacade().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(value == null ? "" : value);
        }
        return new StandardListBoxModel().includeEmptyValue().include((Item) null, StringCredentials.class)
                .includeCurrentValue(value == null ? "" : value);
    }
}
