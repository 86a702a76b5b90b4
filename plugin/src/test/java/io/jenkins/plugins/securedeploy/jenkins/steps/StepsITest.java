package io.jenkins.plugins.securedeploy.jenkins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
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
        r.assertLogContains("CRITICAL", b);
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
    void shouldRoundTripEveryStep(JenkinsRule r) throws Exception {
        SecurityGateStep gate = new SecurityGateStep();
        gate.setBaseline("baseline.json");
        r.assertEqualDataBoundBeans(gate, new StepConfigTester(r).configRoundTrip(gate));
        SnippetizerTester s = new SnippetizerTester(r);
        s.assertRoundTrip(gate, "securityGate baseline: 'baseline.json'");
        RunScannersStep scan = new RunScannersStep();
        scan.setTools(List.of("bandit"));
        scan.setReports("reports/*.sarif");
        s.assertRoundTrip(scan, "runScanners reports: 'reports/*.sarif', tools: ['bandit']");
        RecordSbomStep sbom = new RecordSbomStep();
        sbom.setLockfiles(List.of("package-lock.json"));
        s.assertRoundTrip(sbom, "recordSbom lockfiles: ['package-lock.json']");
        s.assertRoundTrip(new MaskSecretsStep(List.of("tok")), "maskSecrets(['tok']) {\n    // some block\n}");
    }
}
