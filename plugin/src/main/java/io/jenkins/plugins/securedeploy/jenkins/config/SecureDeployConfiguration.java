package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.policy.AdminWaiverReader;
import io.jenkins.plugins.securedeploy.engine.policy.FloorSettings;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * The admin's Secure Deploy settings on "Manage Jenkins » Security": the policy floor a Jenkinsfile cannot weaken,
 * the default scanners and organisation-wide waivers. JCasC: {@code security: secureDeploy: ...}. Every setter
 * validates (fail closed: an invalid value is refused, never clamped) and saves.
 */
@Extension
@Symbol("secureDeploy")
public class SecureDeployConfiguration extends GlobalConfiguration {
    private int maxCritical = FloorValues.DEFAULTS.maxCritical();
    private int maxHigh = FloorValues.DEFAULTS.maxHigh();
    private boolean secretsAllowed = FloorValues.DEFAULTS.secretsAllowed();
    private boolean failOnScannerError = FloorValues.DEFAULTS.failOnScannerError();
    private double cvssFailThreshold = FloorValues.DEFAULTS.cvssFailThreshold();
    private boolean requireSignature = FloorValues.DEFAULTS.requireSignature();
    private boolean requireSbom = FloorValues.DEFAULTS.requireSbom();
    private int maxWaiverDays = FloorValues.DEFAULTS.maxWaiverDays();
    private boolean allowWaiversWithoutExpiry = FloorValues.DEFAULTS.allowWaiversWithoutExpiry();
    private List<ScannerConfig> scanners = new ArrayList<>();
    private String waiverRules = "";

    private transient JenkinsFacade jenkins = new JenkinsFacade();

    public SecureDeployConfiguration() {
        load();
    }

    @NonNull
    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    /** Clears the scanner list first: a form without any scanner entry has no "scanners" key to bind. */
    @Override
    public boolean configure(StaplerRequest req, JSONObject json) throws FormException {
        scanners = new ArrayList<>();
        return super.configure(req, json);
    }

    /** The whole configuration as a plain value for the steps. */
    public FloorValues toFloorValues() {
        return new FloorValues(maxCritical, maxHigh, secretsAllowed, failOnScannerError, cvssFailThreshold,
                requireSignature, requireSbom, maxWaiverDays, allowWaiversWithoutExpiry,
                getScanners().stream().map(ScannerConfig::toScannerDefault).toList(), waiverRules);
    }

    public int getMaxCritical() {
        return maxCritical;
    }

    @DataBoundSetter
    public void setMaxCritical(int maxCritical) {
        ConfigChecks.requireValid(ConfigChecks.count(Integer.toString(maxCritical)), "maxCritical");
        this.maxCritical = maxCritical;
        save();
    }

    public int getMaxHigh() {
        return maxHigh;
    }

    @DataBoundSetter
    public void setMaxHigh(int maxHigh) {
        ConfigChecks.requireValid(ConfigChecks.count(Integer.toString(maxHigh)), "maxHigh");
        this.maxHigh = maxHigh;
        save();
    }

    public boolean isSecretsAllowed() {
        return secretsAllowed;
    }

    @DataBoundSetter
    public void setSecretsAllowed(boolean secretsAllowed) {
        this.secretsAllowed = secretsAllowed;
        save();
    }

    public boolean isFailOnScannerError() {
        return failOnScannerError;
    }

    @DataBoundSetter
    public void setFailOnScannerError(boolean failOnScannerError) {
        this.failOnScannerError = failOnScannerError;
        save();
    }

    public double getCvssFailThreshold() {
        return cvssFailThreshold;
    }

    @DataBoundSetter
    public void setCvssFailThreshold(double cvssFailThreshold) {
        ConfigChecks.requireValid(ConfigChecks.cvss(Double.toString(cvssFailThreshold)), "cvssFailThreshold");
        this.cvssFailThreshold = cvssFailThreshold;
        save();
    }

    public boolean isRequireSignature() {
        return requireSignature;
    }

    @DataBoundSetter
    public void setRequireSignature(boolean requireSignature) {
        this.requireSignature = requireSignature;
        save();
    }

    public boolean isRequireSbom() {
        return requireSbom;
    }

    @DataBoundSetter
    public void setRequireSbom(boolean requireSbom) {
        this.requireSbom = requireSbom;
        save();
    }

    public int getMaxWaiverDays() {
        return maxWaiverDays;
    }

    @DataBoundSetter
    public void setMaxWaiverDays(int maxWaiverDays) {
        ConfigChecks.requireValid(ConfigChecks.waiverDays(Integer.toString(maxWaiverDays)), "maxWaiverDays");
        this.maxWaiverDays = maxWaiverDays;
        save();
    }

    public boolean isAllowWaiversWithoutExpiry() {
        return allowWaiversWithoutExpiry;
    }

    @DataBoundSetter
    public void setAllowWaiversWithoutExpiry(boolean allowWaiversWithoutExpiry) {
        this.allowWaiversWithoutExpiry = allowWaiversWithoutExpiry;
        save();
    }

    public List<ScannerConfig> getScanners() {
        return scanners == null ? List.of() : List.copyOf(scanners);
    }

    @DataBoundSetter
    public void setScanners(List<ScannerConfig> scanners) {
        this.scanners = scanners == null ? new ArrayList<>() : new ArrayList<>(scanners);
        save();
    }

    public String getWaiverRules() {
        return waiverRules;
    }

    /**
     * Refuses text that does not parse or lacks required fields. The limits that depend on other fields (expiry
     * required, maximum days) are checked by the form check and again when a gate applies the waivers, so the
     * order in which a form or JCasC sets fields does not matter.
     */
    @DataBoundSetter
    public void setWaiverRules(String waiverRules) {
        String text = waiverRules == null ? "" : waiverRules.replace("\r\n", "\n").strip();
        AdminWaiverReader.Result result = new AdminWaiverReader(FloorSettings.WAIVER_SOURCE).read(text);
        if (!result.errors().isEmpty()) {
            throw new IllegalArgumentException("waiverRules: " + ConfigChecks.describe(result.errors()));
        }
        this.waiverRules = text;
        save();
    }

    @POST
    public FormValidation doCheckMaxCritical(@QueryParameter String value) {
        facade().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.toValidation(ConfigChecks.count(value));
    }

    @POST
    public FormValidation doCheckMaxHigh(@QueryParameter String value) {
        facade().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.toValidation(ConfigChecks.count(value));
    }

    @POST
    public FormValidation doCheckCvssFailThreshold(@QueryParameter String value) {
        facade().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.toValidation(ConfigChecks.cvss(value));
    }

    @POST
    public FormValidation doCheckMaxWaiverDays(@QueryParameter String value) {
        facade().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.toValidation(ConfigChecks.waiverDays(value));
    }

    @POST
    public FormValidation doCheckWaiverRules(@QueryParameter String value, @QueryParameter String maxWaiverDays,
            @QueryParameter boolean allowWaiversWithoutExpiry) {
        facade().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.toValidation(ConfigChecks.waiverRules(value, maxWaiverDays, allowWaiversWithoutExpiry,
                LocalDate.now(ZoneOffset.UTC)));
    }

    private JenkinsFacade facade() {
        if (jenkins == null) { // transient: null only if XStream created this object without the constructor
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }
}
