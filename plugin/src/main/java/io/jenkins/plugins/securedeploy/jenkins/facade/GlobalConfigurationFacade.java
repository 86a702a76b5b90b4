package io.jenkins.plugins.securedeploy.jenkins.facade;

import hudson.ExtensionList;
import io.jenkins.plugins.securedeploy.jenkins.config.ApprovalConfiguration;
import io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration;
import io.jenkins.plugins.securedeploy.jenkins.config.SecureDeployConfiguration;
import io.jenkins.plugins.securedeploy.jenkins.config.VerificationConfiguration;
import java.io.Serializable;

/** Looks up the global configuration, so executions can be tested with a replaced facade. */
public class GlobalConfigurationFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The admin configuration (the policy floor, default scanners, org-wide waivers). */
    public SecureDeployConfiguration getConfiguration() {
        return ExtensionList.lookupSingleton(SecureDeployConfiguration.class);
    }

    /** The OIDC issuer, its audience allow-list, lifetimes, key state and credential profiles. */
    public IssuerConfiguration getIssuer() {
        return ExtensionList.lookupSingleton(IssuerConfiguration.class);
    }

    /** Approval rules, roles and the evidence signing key. */
    public ApprovalConfiguration getApprovals() {
        return ExtensionList.lookupSingleton(ApprovalConfiguration.class);
    }

    /** Verification trust and the relaxations a Jenkinsfile may ask for. */
    public VerificationConfiguration getVerification() {
        return ExtensionList.lookupSingleton(VerificationConfiguration.class);
    }
}
