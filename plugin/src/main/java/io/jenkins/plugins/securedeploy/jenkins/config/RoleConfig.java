package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.securedeploy.engine.core.TextLists;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** An approver role ({@code security}, {@code release-manager}) and who holds it: user ids and {@code group:} names. */
public class RoleConfig extends AbstractDescribableImpl<RoleConfig> {
    private final String name;
    private final String members;

    @DataBoundConstructor
    public RoleConfig(String name, String members) {
        this.name = name == null ? "" : name.strip();
        if (this.name.isEmpty() || this.name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("name: a role name has no spaces");
        }
        this.members = TextLists.format(TextLists.parse(members));
    }

    public String getName() {
        return name;
    }

    public String getMembers() {
        return members;
    }

    public List<String> memberList() {
        return TextLists.parse(members);
    }

    @Extension
    @Symbol("role")
    public static class DescriptorImpl extends Descriptor<RoleConfig> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Approver role";
        }
    }
}
