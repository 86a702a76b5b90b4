package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.RotationPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.SigningAlgorithm;
import io.jenkins.plugins.securedeploy.engine.host.SecretStateStore;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.verb.POST;

/**
 * The OIDC issuer of {@code withShortLivedCredentials}: its URL (default: this Jenkins' root URL +
 * {@value #URL_NAME}), the audience allow-list (empty: no token is issued), token lifetimes, key rotation, and the
 * named credential profiles. JCasC: {@code security: secureDeployIssuer: ...}. The signing keys are kept here as an
 * encrypted {@link Secret} that has no getter or setter, so they are neither shown, nor exported by JCasC.
 */
@Extension
@Symbol("secureDeployIssuer")
public class IssuerConfiguration extends GlobalConfiguration implements SecretStateStore {
    /** Where the issuer's discovery document and JWKS are served ({@code <root>/secure-deploy-oidc/jwks}). */
    public static final String URL_NAME = "secure-deploy-oidc";

    private String issuerUrl = "";
    private List<AudienceConfig> audiences = new ArrayList<>();
    private int defaultLifetimeMinutes = 5;
    private int maxLifetimeMinutes = 10;
    private int rotateEveryDays = 30;
    private String algorithm = SigningAlgorithm.ES256.name();
    private List<CredentialProfileConfig> profiles = new ArrayList<>();
    /** The issuer's key state (private keys): engine-encoded, encrypted by Jenkins. */
    private Secret keyState;

    private transient JenkinsFacade jenkins = new JenkinsFacade();

    public IssuerConfiguration() {
        load();
    }

    @NonNull
    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    /** Clears the lists first: a form without entries has no key to bind. */
    @Override
    public boolean configure(StaplerRequest req, JSONObject json) throws FormException {
        audiences = new ArrayList<>();
        profiles = new ArrayList<>();
        return super.configure(req, json);
    }

    /**
     * The engine's settings; {@code rootUrl} supplies the default issuer URL. Throws {@link InvalidInputException}
     * (every problem) when the settings are invalid or no URL is known.
     */
    public IssuerSettings toSettings(Optional<String> rootUrl) {
        String url = issuerUrl.isEmpty() ? rootUrl.map(r -> r + URL_NAME).orElse("") : issuerUrl;
        if (url.isEmpty()) {
            throw new IllegalStateException("the OIDC issuer has no URL: set Jenkins' root URL or the issuer URL "
                    + "(Manage Jenkins » Security » Secure Deploy issuer)");
        }
        Duration max = Duration.ofMinutes(maxLifetimeMinutes);
        return new IssuerSettings(URI.create(url), null, SigningAlgorithm.valueOf(algorithm),
                Duration.ofMinutes(defaultLifetimeMinutes), max,
                getAudiences().stream().map(AudienceConfig::toRule).toList(), List.of(), null,
                new RotationPolicy(Duration.ofDays(rotateEveryDays), max.compareTo(Duration.ofHours(1)) > 0 ? max
                        : Duration.ofHours(1)));
    }

    /** The profile with this name. */
    public Optional<CredentialProfileConfig> profile(String name) {
        return getProfiles().stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    @Override
    public synchronized Optional<SecretValue> load(String id) {
        return keyState == null || keyState.getPlainText().isEmpty() ? Optional.empty()
                : Optional.of(SecretValue.of(keyState.getPlainText()));
    }

    @Override
    public synchronized void save(String id, SecretValue value) {
        keyState = Secret.fromString(value.reveal());
        save();
    }

    public String getIssuerUrl() {
        return issuerUrl;
    }

    @DataBoundSetter
    public void setIssuerUrl(String issuerUrl) {
        this.issuerUrl = issuerUrl == null ? "" : issuerUrl.strip();
        if (!this.issuerUrl.isEmpty()) {
            IssuerSettings.of(this.issuerUrl, List.of(), List.of()); // refuses non-https, query, fragment
        }
        save();
    }

    public List<AudienceConfig> getAudiences() {
        return audiences == null ? List.of() : List.copyOf(audiences);
    }

    @DataBoundSetter
    public void setAudiences(List<AudienceConfig> audiences) {
        this.audiences = audiences == null ? new ArrayList<>() : new ArrayList<>(audiences);
        save();
    }

    public int getDefaultLifetimeMinutes() {
        return defaultLifetimeMinutes;
    }

    @DataBoundSetter
    public void setDefaultLifetimeMinutes(int minutes) {
        this.defaultLifetimeMinutes = ConfigChecks.minutes(minutes, "defaultLifetimeMinutes");
        save();
    }

    public int getMaxLifetimeMinutes() {
        return maxLifetimeMinutes;
    }

    /** At most 60: the engine's ceiling on any token's lifetime. */
    @DataBoundSetter
    public void setMaxLifetimeMinutes(int minutes) {
        this.maxLifetimeMinutes = ConfigChecks.minutes(minutes, "maxLifetimeMinutes");
        save();
    }

    public int getRotateEveryDays() {
        return rotateEveryDays;
    }

    @DataBoundSetter
    public void setRotateEveryDays(int days) {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("rotateEveryDays: enter 1 to 365 days");
        }
        this.rotateEveryDays = days;
        save();
    }

    public String getAlgorithm() {
        return algorithm;
    }

    @DataBoundSetter
    public void setAlgorithm(String algorithm) {
        this.algorithm = SigningAlgorithm.valueOf(algorithm == null ? "" : algorithm.strip()).name();
        save();
    }

    public List<CredentialProfileConfig> getProfiles() {
        return profiles == null ? List.of() : List.copyOf(profiles);
    }

    @DataBoundSetter
    public void setProfiles(List<CredentialProfileConfig> profiles) {
        List<CredentialProfileConfig> list = profiles == null ? List.of() : profiles;
        if (list.stream().map(CredentialProfileConfig::getName).distinct().count() != list.size()) {
            throw new IllegalArgumentException("profiles: two profiles have the same name");
        }
        this.profiles = new ArrayList<>(list);
        save();
    }

    /** The settings as a whole (lifetimes against each other, the URL): the engine's problems, never a value. */
    @POST
    public FormValidation doCheckMaxLifetimeMinutes(@QueryParameter String value,
            @QueryParameter String defaultLifetimeMinutes) {
        facade().checkPermission(Jenkins.ADMINISTER);
        try {
            int max = Integer.parseInt(value.strip());
            int def = Integer.parseInt(defaultLifetimeMinutes.strip());
            IssuerSettings.of("https://check.invalid", List.of(), List.of()).withLifetimes(Duration.ofMinutes(def),
                    Duration.ofMinutes(max), RotationPolicy.defaults());
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("Enter whole minutes.");
        } catch (InvalidInputException e) {
            return FormValidation.error(ConfigChecks.describe(e.problems()));
        }
    }

    @POST
    public FormValidation doCheckIssuerUrl(@QueryParameter String value) {
        facade().checkPermission(Jenkins.ADMINISTER);
        if (value == null || value.isBlank()) {
            return FormValidation.ok("Empty: Jenkins' root URL + " + URL_NAME);
        }
        try {
            IssuerSettings.of(value.strip(), List.of(), List.of());
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(ConfigChecks.describe(e.problems()));
        } catch (IllegalArgumentException e) {
            return FormValidation.error("Not a URL.");
        }
    }

    private JenkinsFacade facade() {
        if (jenkins == null) {
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }
}
