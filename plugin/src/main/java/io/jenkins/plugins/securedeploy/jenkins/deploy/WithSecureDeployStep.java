package io.jenkins.plugins.securedeploy.jenkins.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withSecureDeploy(environment: 'prod', artifact: 'dist/app.tar.gz') { sh './deploy.sh' }}: secureDeploy
 * with a block as the deploy body instead of a command. The phase machine runs as for secureDeploy (verify, gate,
 * approval — waiting durably when the environment has a rule — credentials); the block runs with the credentials
 * in its environment, and only there, its log masked; revoke, attest and record follow whatever the block did,
 * also when it fails or is aborted. A separate step because a Pipeline step that takes a block must always be
 * called with one, and secureDeploy's command form stays.
 */
public class WithSecureDeployStep extends SecureDeployStep {
    @DataBoundConstructor
    public WithSecureDeployStep(String environment, String artifact) {
        super(environment, artifact);
    }

    @Override
    boolean takesBody() {
        return true;
    }

    @Extension
    @Symbol("withSecureDeploy")
    public static class DescriptorImpl extends SecureDeployStep.DescriptorImpl {
        @Override
        public String getFunctionName() {
            return "withSecureDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: verify, gate, approve, then run the block with short-lived credentials";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
