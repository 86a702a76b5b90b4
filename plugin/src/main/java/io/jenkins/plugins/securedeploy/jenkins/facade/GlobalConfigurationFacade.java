package io.jenkins.plugins.securedeploy.jenkins.facade;

import hudson.ExtensionList;
import io.jenkins.plugins.securedeploy.jenkins.config.SecureDeployConfiguration;
import java.io.Serializable;

/** Looks up the global configuration, so executions can be tested with a replaced facade. */
public class GlobalConfigurationFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The admin configuration (the policy floor, default scanners, org-wide waivers). */
    public SecureDeployConfiguration getConfiguration() {
        return ExtensionList.lookupSingleton(SecureDeployConfiguration.class);
    }
}
