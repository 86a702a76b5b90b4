package io.jenkins.plugins.securedeploy.jenkins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.jenkins.gate.SecurityGateStep;
import io.jenkins.plugins.securedeploy.jenkins.mask.MaskSecretsStep;
import io.jenkins.plugins.securedeploy.jenkins.report.GateReportAction;
import io.jenkins.plugins.securedeploy.jenkins.sbom.RecordSbomStep;
import io.jenkins.plugins.securedeploy.jenkins.scan.RunScannersStep;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The four steps in real Pipelines. */
@WithJenkins
class StepsITest {
    private static WorkflowRun run(JenkinsRule r, String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void shouldFailTheBuildWithTheGateReasonWhenAReportHasACriticalFinding(JenkinsRule r) throws Exception {
        String trivy = "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"app\",\"Vulnerabilities\":[{"
                + "\"VulnerabilityID\":\"CVE-2024-0001\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.0.1\","
                + "\"Severity\":\"CRITICAL\",\"Title\":\"openssl overflow\"}]}]}";
        WorkflowRun b = run(r, "node { writeFile file: 'reports/trivy.json', text: '" + trivy + "'\n"
                + "runScanners reports: 'reports/*.json', failOnError: false\nsecurityGate() }", Result.FAILURE);
        r.assertLogContains("Security gate FAILED", b);
        r.assertLogContains("FAILED thresholds.total.critical: 1 CRITICAL/UNKNOWN finding(s) (max 0)", b);
        // issue 11 H: the console names the finding under its reason, as the report page does
        r.assertLogContains("- CRITICAL trivy CVE-2024-0001 at openssl@3.0.1: openssl overflow", b);
        GateReportAction action = b.getAction(GateReportAction.class);
        assertNotNull(action);
        assertEquals("FAILED", action.getView().getVerdict());
        r.createWebClient().getPage(b, GateReportAction.URL).getWebResponse().getContentAsString()
                .contains("CRITICAL");
    }

    @Test
    void shouldFailWhenTheReportIsMissingOrGarbled(JenkinsRule r) throws Exception {
        WorkflowRun missing = run(r, "node { runScanners reports: 'reports/*.json' }", Result.FAILURE);
        r.assertLogContains("no report file matches", missing);
        WorkflowRun garbled = run(r, "node { writeFile file: 'r/trivy.json', text: '{\"SchemaVersion\":2,\"Resu'\n"
                + "runScanners reports: 'r/*.json', failOnError: false\nsecurityGate() }", Result.FAILURE);
        r.assertLogContains("Security gate ERROR", garbled);
    }

    @Test
    void shouldStreamTheBaselineFromTheWorkspaceAndFailClosedWhenItIsGarbled(JenkinsRule r) throws Exception {
        // issue 18: the baseline is streamed from the agent (no 64 MB limit, no byte array on the controller), so
        // the engine's own reader names the file and where it breaks
        String trivy = "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"app\",\"Vulnerabilities\":[{"
                + "\"VulnerabilityID\":\"CVE-2024-0001\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.0.1\","
                + "\"Severity\":\"LOW\",\"Title\":\"x\"}]}]}";
        String scan = "node { writeFile file: 'reports/trivy.json', text: '" + trivy + "'\n"
                + "runScanners reports: 'reports/*.json', failOnError: false\n";
        WorkflowRun garbled = run(r, scan + "writeFile file: 'baseline.json', text: '{\"findings\":[{\"fingerprint\":'\n"
                + "securityGate baseline: 'baseline.json' }", Result.FAILURE);
        r.assertLogContains("Security gate ERROR", garbled);
        r.assertLogContains("baseline.json:1:29 cannot be used", garbled);
        WorkflowRun absent = run(r, scan + "securityGate baseline: 'none-yet.json' }", Result.SUCCESS);
        r.assertLogContains("baseline none-yet.json does not exist yet", absent);
        WorkflowRun outside = run(r, scan + "securityGate baseline: '../outside.json' }", Result.FAILURE);
        r.assertLogContains("Security gate ERROR: input refused", outside);
    }

    @Test
    void shouldNeverLogAMaskedSecretInAnyEncodedForm(JenkinsRule r) throws Exception {
        SecretCanary canary = SecretCanary.create();
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "tok", "", Secret.fromString(canary.value())));
        StringBuilder body = new StringBuilder();
        for (String form : canary.forms().values()) {
            body.append("echo '").append(form.replace("\\", "\\\\").replace("'", "\\'")).append("'\n");
        }
        String v = canary.value();
        int half = v.length() / 2;
        body.append("sh 'printf %s \"").append(v, 0, half).append("\"; sleep 1; printf \"%s\\\\n\" \"")
                .append(v.substring(half)).append("\"'\n");
        WorkflowRun b = run(r, "node { maskSecrets(secrets: ['tok']) {\n" + body + "} }", Result.SUCCESS);
        canary.assertAbsentFromDirectory(b.getRootDir().toPath());
    }

    @Test
    void shouldRunTheBuiltInSecretScannerWithoutConfiguration(JenkinsRule r) throws Exception {
        String key = "AKIA" + "Q7WZ3XK2M5N8P4RT"; // shaped like an AWS access key id, not a real one
        WorkflowRun b = run(r, "node { writeFile file: 'deploy.env', text: 'AWS_ACCESS_KEY_ID=" + key + "\\n'\n"
                + "runScanners tools: ['secure-deploy-secrets']\nsecurityGate() }", Result.FAILURE);
        r.assertLogContains("secure-deploy-secrets (", b);
        r.assertLogContains("): 1 finding(s)", b);
        r.assertLogContains("categories.SECRET.total.any", b);
        r.assertLogContains("at deploy.env:1", b);
        r.assertLogNotContains(key, b);
        r.assertLogNotContains("is not configured", b);
    }

    @Test
    void shouldNeverEchoAnUnknownCredentialsId(JenkinsRule r) throws Exception {
        SecretCanary canary = SecretCanary.create(); // a secret pasted where an id belongs
        WorkflowRun b = run(r, "node { maskSecrets(secrets: ['" + canary.value() + "']) { echo 'never' } }",
                Result.FAILURE);
        r.assertLogContains("credentials #1 of 1 not found", b);
        r.assertLogNotContains("never", b);
        canary.assertAbsent("build log", JenkinsRule.getLog(b));
    }

    @Test
    void shouldIngestCycloneDxJsonInAPipeline(JenkinsRule r) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("node { recordSbom ingest: 'bom.json' }", true));
        FilePath ws = r.jenkins.getWorkspaceFor(p);
        assertNotNull(ws);
        ws.child("bom.json").copyFrom(StepsITest.class.getResource(
                "/io/jenkins/plugins/securedeploy/engine/sbom/valid/cyclonedx-1.6.json"));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("(CycloneDX JSON 1.6", b);
    }

    /** issue 11 D: the Snippet Generator's text boxes give real lists, never one id with a newline or ['']. */
    @Test
    void shouldGenerateListSnippetsFromTheTextBoxes(JenkinsRule r) throws Exception {
        SnippetizerTester s = new SnippetizerTester(r);
        s.assertGenerateSnippet("{'stapler-class':'" + RunScannersStep.class.getName()
                + "','toolsText':'bandit\\nshellcheck','reports':'','format':'','failOnError':true}",
                "runScanners tools: ['bandit', 'shellcheck']", null);
        s.assertGenerateSnippet("{'stapler-class':'" + RunScannersStep.class.getName()
                + "','toolsText':'','reports':'reports/*.sarif','format':'','failOnError':true}",
                "runScanners reports: 'reports/*.sarif'", null);
        s.assertGenerateSnippet("{'stapler-class':'" + RecordSbomStep.class.getName()
                + "','lockfilesText':'package-lock.json\\n\\npoetry.lock','artifacts':'','ingest':'','spec':'1.6'}",
                "recordSbom lockfiles: ['package-lock.json', 'poetry.lock']", null);
        s.assertGenerateSnippet("{'stapler-class':'" + MaskSecretsStep.class.getName()
                + "','secretsText':'tok, other'}", "maskSecrets(['tok', 'other']) {\n    // some block\n}", null);
    }

    @Test
    void shouldRoundTripListFieldsThroughTheConfigForm(JenkinsRule r) throws Exception {
        StepConfigTester config = new StepConfigTester(r);
        RunScannersStep two = new RunScannersStep();
        two.setTools(List.of("secure-deploy-secrets", "bandit"));
        r.assertEqualDataBoundBeans(two, config.configRoundTrip(two));
        RunScannersStep none = new RunScannersStep();
        none.setReports("reports/*.json");
        RunScannersStep after = config.configRoundTrip(none);
        assertEquals(List.of(), after.getTools());
        r.assertEqualDataBoundBeans(none, after);
        RecordSbomStep sbom = new RecordSbomStep();
        sbom.setLockfiles(List.of("package-lock.json", "poetry.lock"));
        r.assertEqualDataBoundBeans(sbom, config.configRoundTrip(sbom));
        MaskSecretsStep mask = new MaskSecretsStep(List.of("tok", "other"));
        r.assertEqualDataBoundBeans(mask, config.configRoundTrip(mask));
    }

    @Test
    void shouldRoundTripEveryStep(JenkinsRule r) throws Exception {
        SecurityGateStep gate = new SecurityGateStep();
        gate.setBaseline("baseline.json");
        r.assertEqualDataBoundBeans(gate, new StepConfigTester(r).configRoundTrip(gate));
        SnippetizerTester s = new SnippetizerTester(r);
        s.assertRoundTrip(gate, "securityGate baseline: 'baseline.json'");
        RunScannersStep scan = new RunScannersStep();
        scan.setTools(List.of("secure-deploy-secrets", "bandit"));
        scan.setReports("reports/*.sarif");
        s.assertRoundTrip(scan, "runScanners reports: 'reports/*.sarif', tools: ['secure-deploy-secrets', 'bandit']");
        // the Groovy list syntax keeps working; an old textarea snippet and an empty entry are normalised
        RunScannersStep old = new RunScannersStep();
        old.setTools(List.of("bandit", "shellcheck"));
        s.assertParseStep(old, "runScanners tools: ['bandit\\nshellcheck', '']");
        RecordSbomStep sbom = new RecordSbomStep();
        sbom.setLockfiles(List.of("package-lock.json"));
        s.assertRoundTrip(sbom, "recordSbom lockfiles: ['package-lock.json']");
        s.assertRoundTrip(new MaskSecretsStep(List.of("tok")), "maskSecrets(['tok']) {\n    // some block\n}");
    }
}
