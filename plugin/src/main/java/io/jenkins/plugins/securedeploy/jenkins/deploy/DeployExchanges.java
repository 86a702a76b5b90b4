package io.jenkins.plugins.securedeploy.jenkins.deploy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.profiles.CredentialProfile;
import io.jenkins.plugins.securedeploy.engine.profiles.CredentialProfiles;
import io.jenkins.plugins.securedeploy.jenkins.config.CredentialProfileConfig;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment's {@code credentials} as the engine's exchanges: {@code provider: local} hands the deploy command
 * the Jenkins ID token itself (five minutes); any other provider names an admin's credential profile (Manage Jenkins
 * » Security » Secure Deploy issuer), exchanged by the engine with the environment's audience. An unknown profile is
 * an error naming the policy field: nothing is issued.
 */
final class DeployExchanges {
    private DeployExchanges() {}

    static List<Exchange> of(io.jenkins.plugins.securedeploy.engine.deploy.Environment env, BuildClaims claims,
            Clock clock, GlobalConfigurationFacade config) {
        if (env.credentials().isEmpty()) {
            return List.of();
        }
        io.jenkins.plugins.securedeploy.engine.deploy.Environment.CredentialProfile p = env.credentials().get();
        if (p.isLocal()) {
            return List.of(p.localExchange());
        }
        Optional<CredentialProfileConfig> admin = config.getIssuer().profile(p.provider());
        if (admin.isEmpty()) {
            throw new InvalidInputException(Problem.of("deploy.credentials", "no credential profile named '"
                    + p.provider() + "' (Manage Jenkins » Security » Secure Deploy issuer), and it is not 'local'",
                    Location.ofPointer(SecureDeployStep.DEFAULT_POLICY, "/environments/" + env.name()
                            + "/credentials/provider", 0, 0)));
        }
        CredentialProfile profile = admin.get().toProfile();
        Map<String, String> settings = new LinkedHashMap<>(profile.settings());
        settings.put("audience", p.audience());
        return List.of(CredentialProfiles.exchange(new CredentialProfile(profile.name(), profile.provider(),
                settings), claims, clock));
    }
}
