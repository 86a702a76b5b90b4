package io.jenkins.plugins.securedeploy.jenkins.config;

import static io.jenkins.plugins.casc.misc.Util.getSecurityRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.securedeploy.engine.policy.AdminWaiverReader;
import io.jenkins.plugins.securedeploy.engine.policy.FloorSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Configuration as Code import and export round trip. Uses JUnit 5 {@code @WithJenkins} plus
 * {@code ConfigurationAsCode.configure} (what the JUnit 4 {@code JenkinsConfiguredWithCodeRule} calls), because the
 * JUnit 5 JCasC extension may not be in the configuration-as-code version of bom-2.426.x and JUnit 4 imports are
 * banned here.
 */
@WithJenkins
class ConfigurationAsCodeITest {
    @Test
    void shouldImportAndExportTheSecurityConfiguration(JenkinsRule r) throws Exception {
        String yaml = getClass().getResource("configuration-as-code.yaml").toExternalForm();
        ConfigurationAsCode.get().configure(List.of(yaml));

        SecureDeployConfiguration config = ExtensionList.lookupSingleton(SecureDeployConfiguration.class);
        FloorValues floor = config.toFloorValues();
        assertEquals(1, floor.maxCritical());
        assertEquals(3, floor.maxHigh());
        assertEquals(7.0, floor.cvssFailThreshold());
        assertFalse(floor.secretsAllowed());
        assertTrue(floor.failOnScannerError());
        assertTrue(floor.requireSignature());
        assertTrue(floor.requireSbom());
        assertEquals(60, floor.maxWaiverDays());
        assertEquals(2, floor.scanners().size());
        assertEquals(List.of("fs", "--format", "json", "."), floor.scanners().get(0).arguments());
        assertEquals(1, new AdminWaiverReader(FloorSettings.WAIVER_SOURCE).read(floor.waiverRules()).waivers().size());

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = getSecurityRoot(context).get("secureDeploy");
        assertEquals(toStringFromYamlFile(this, "expected-export.yaml"), toYamlString(exported));
    }

    /** The issuer, approval and verification settings: imported through the same setters as the form. */
    @Test
    void shouldImportTheIssuerApprovalAndVerificationSettings(JenkinsRule r) throws Exception {
        ConfigurationAsCode.get().configure(List.of(getClass().getResource("configuration-as-code-deploy.yaml")
                .toExternalForm()));
        IssuerConfiguration issuer = ExtensionList.lookupSingleton(IssuerConfiguration.class);
        assertEquals("https://ci.example.com/secure-deploy-oidc", issuer.toSettings(java.util.Optional.empty())
                .issuerId());
        assertEquals(2, issuer.getAudiences().size());
        assertEquals(List.of("payments/*"), issuer.getAudiences().get(0).toRule().jobs());
        assertEquals(15, issuer.getMaxLifetimeMinutes());
        assertEquals("aws", issuer.profile("aws-prod").orElseThrow().getProvider());
        assertEquals("deploy", issuer.profile("vault-db").orElseThrow().toProfile().settings().get("role"));
        ApprovalConfiguration approvals = ExtensionList.lookupSingleton(ApprovalConfiguration.class);
        assertEquals(2, approvals.rule("prod").orElseThrow().toRule().required());
        assertEquals(java.time.Duration.ofHours(4), approvals.rule("prod").orElseThrow().toRule().timeout());
        assertEquals(java.util.Set.of("security"), approvals.roleAssignments().rolesOf("carol", java.util.Set.of()));
        assertEquals("evidence-key", approvals.getEvidenceKeyCredentialsId());
        VerificationConfiguration verification = ExtensionList.lookupSingleton(VerificationConfiguration.class);
        assertEquals(java.util.Set.of(io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationOptions
                .Relaxation.ANY_SIGNATURE), verification.allowedRelaxations());

        // the issuer's private key state is never exported
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = toYamlString(getSecurityRoot(context).get("secureDeployIssuer"));
        assertFalse(exported.contains("keyState"), exported);
        assertTrue(exported.contains("aws-prod"), exported);
    }
}
