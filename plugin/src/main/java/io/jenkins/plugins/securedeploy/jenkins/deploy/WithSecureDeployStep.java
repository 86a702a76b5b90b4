package io.jenkins.plugins.securedeploy.jenkins.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code secureDeploy(environment: 'prod', artifact: 'dist/app.tar.gz') { sh './deploy.sh' }}: the deployment
 * flow with its block as the deploy body. The phase machine runs as for secureDeployCommand (verify, gate,
 * approval — waiting durably when the environment has a rule — credentials); the block runs with the credentials
 * in its environment, and only there, its log masked; revoke, attest and record follow whatever the block did,
 * also when it fails or is aborted. The command form is a step of its own ({@link SecureDeployStep},
 * {@code secureDeployCommand}) because a Pipeline step that takes a block must always be called with one.
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
    @Symbol("secureDeploy")
    public static class DescriptorImpl extends SecureDeployStep.DescriptorImpl {
        @Override
        public String getFunctionName() {
            return "secureDeploy";
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
