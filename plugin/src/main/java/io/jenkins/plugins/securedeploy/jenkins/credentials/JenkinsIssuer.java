package io.jenkins.plugins.securedeploy.jenkins.credentials;

import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeyStore;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeys;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.time.Clock;

/**
 * The engine's ID token issuer over this Jenkins' configuration: settings from {@link IssuerConfiguration}, keys from
 * its encrypted key state, rotated when due (the engine decides; state is saved only when it changed). Built per
 * use: the configuration may change between builds.
 */
public final class JenkinsIssuer {
    private JenkinsIssuer() {}

    public static IdTokenIssuer current(Clock clock) {
        IssuerConfiguration config = new GlobalConfigurationFacade().getIssuer();
        IssuerSettings settings = config.toSettings(new JenkinsFacade().getRootUrl());
        IssuerKeys keys;
        synchronized (config) {
            keys = new IssuerKeyStore(config).rotate(settings.rotation(), settings.algorithm(), clock.instant()).keys();
        }
        return new IdTokenIssuer(settings, () -> keys, clock);
    }
}
