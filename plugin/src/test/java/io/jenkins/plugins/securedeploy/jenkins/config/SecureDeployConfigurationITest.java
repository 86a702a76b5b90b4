package io.jenkins.plugins.securedeploy.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.ExtensionList;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The admin configuration in a real Jenkins: form round trip on the security page, and POST-only admin checks. */
@WithJenkins
class SecureDeployConfigurationITest {
    @Test
    void shouldKeepEveryFieldThroughTheSecurityForm(JenkinsRule r) throws Exception {
        SecureDeployConfiguration config = ExtensionList.lookupSingleton(SecureDeployConfiguration.class);
        config.setMaxCritical(1);
        config.setMaxHigh(5);
        config.setCvssFailThreshold(7.5);
        config.setSecretsAllowed(true);
        config.setFailOnScannerError(false);
        config.setRequireSignature(true);
        config.setRequireSbom(true);
        config.setMaxWaiverDays(30);
        config.setAllowWaiversWithoutExpiry(true);
        ScannerConfig trivy = new ScannerConfig("trivy");
        trivy.setExecutable("/opt/trivy/trivy");
        trivy.setArguments("fs\n--format\njson");
        trivy.setTimeoutSeconds(120);
        config.setScanners(List.of(trivy, new ScannerConfig("gitleaks")));
        config.setWaiverRules("- id: CVE-1\n  reason: r\n  owner: o\n");
        FloorValues before = config.toFloorValues();

        r.submit(r.createWebClient().goTo("configureSecurity").getFormByName("config"));

        assertEquals(before, config.toFloorValues());
        r.assertEqualDataBoundBeans(trivy, config.getScanners().get(0));
    }

    @Test
    void shouldRemoveTheLastScannerThroughTheForm(JenkinsRule r) throws Exception {
        SecureDeployConfiguration config = ExtensionList.lookupSingleton(SecureDeployConfiguration.class);
        config.setScanners(List.of());

        r.submit(r.createWebClient().goTo("configureSecurity").getFormByName("config"));

        assertEquals(List.of(), config.getScanners());
    }

    @Test
    void shouldRefuseInvalidValuesInSetters(JenkinsRule r) {
        SecureDeployConfiguration config = ExtensionList.lookupSingleton(SecureDeployConfiguration.class);
        assertThrows(IllegalArgumentException.class, () -> config.setMaxCritical(-1));
        assertThrows(IllegalArgumentException.class, () -> config.setCvssFailThreshold(11));
        assertThrows(IllegalArgumentException.class, () -> config.setWaiverRules("- id: x\n"));
        assertEquals(FloorValues.DEFAULTS, config.toFloorValues());
    }

    @Test
    void shouldAnswerFormChecksOnlyToAdministrators(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("bob"));

        assertEquals(403, postCheck(r, "bob", SecureDeployConfiguration.class, "checkMaxCritical?value=1"));
        assertEquals(403, postCheck(r, "bob", ScannerConfig.class, "checkToolId?value=trivy"));
        assertEquals(200, postCheck(r, "admin", SecureDeployConfiguration.class, "checkMaxCritical?value=1"));
    }

    private static int postCheck(JenkinsRule r, String user, Class<?> describable, String check) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login(user);
        wc.setThrowExceptionOnFailingStatusCode(false);
        URL url = new URL(r.getURL(), "descriptorByName/" + describable.getName() + "/" + check);
        WebRequest request = wc.addCrumb(new WebRequest(url, HttpMethod.POST));
        Page page = wc.getPage(request);
        return page.getWebResponse().getStatusCode();
    }
}
