package io.jenkins.plugins.securedeploy.jenkins.credentials;

import hudson.Extension;
import hudson.model.InvisibleAction;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/**
 * Serves the issuer's public metadata without authentication (cloud providers fetch it anonymously):
 * {@code <root>/secure-deploy-oidc/.well-known/openid-configuration} and {@code <root>/secure-deploy-oidc/jwks}.
 * Both documents come from the engine (nimbus-encoded JWKS: the public half of every published key, never a private
 * part). Anything else, or an issuer that is not configured, is 404.
 */
@Extension
public final class OidcIssuerAction extends InvisibleAction implements UnprotectedRootAction {
    static final String WELL_KNOWN = "/.well-known/openid-configuration";
    static final String JWKS = "/jwks";

    @Override
    public String getUrlName() {
        return IssuerConfiguration.URL_NAME;
    }

    public void doDynamic(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String path = req.getOriginalRestOfPath(); // after this action's URL, as oidc-provider's Keys reads it
        if (!WELL_KNOWN.equals(path) && !JWKS.equals(path)) {
            throw HttpResponses.notFound();
        }
        String json;
        try {
            IdTokenIssuer issuer = JenkinsIssuer.current(Clock.systemUTC());
            json = WELL_KNOWN.equals(path) ? issuer.discoveryJson() : issuer.jwksJson();
        } catch (SecureDeployException | IllegalStateException | IllegalArgumentException e) {
            throw HttpResponses.notFound(); // not configured (no root URL, invalid settings): nothing to advertise
        }
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "max-age=300");
        rsp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
