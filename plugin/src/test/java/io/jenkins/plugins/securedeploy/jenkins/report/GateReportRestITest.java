package io.jenkins.plugins.securedeploy.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The gate decision in the REST API, as docs/rest-api.md shows it (issue 11 G): a script reads verdict, reasons and
 * counts from {@code /job/NAME/NUMBER/api/json} without scraping the console.
 */
@WithJenkins
class GateReportRestITest {
    private static final String TRIVY = "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"app\",\"Vulnerabilities\":[{"
            + "\"VulnerabilityID\":\"CVE-2024-0001\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.0.1\","
            + "\"Severity\":\"CRITICAL\",\"Title\":\"openssl overflow\"}]}]}";

    private static WorkflowRun failedGate(JenkinsRule r) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition("node { writeFile file: 'reports/trivy.json', text: '" + TRIVY + "'\n"
                + "runScanners reports: 'reports/*.json', failOnError: false\nsecurityGate() }", true));
        return r.buildAndAssertStatus(Result.FAILURE, p);
    }

    private static JSONObject action(JSONObject build, String simpleName) {
        List<JSONObject> found = new ArrayList<>();
        JSONArray actions = build.getJSONArray("actions");
        for (int i = 0; i < actions.size(); i++) {
            JSONObject a = actions.getJSONObject(i);
            if (a.optString("_class").endsWith("." + simpleName)) {
                found.add(a);
            }
        }
        assertEquals(1, found.size(), simpleName + " in " + build);
        return found.get(0);
    }

    @Test
    void shouldShowDecisionReasonsAndCountsThroughTheTreeParameter(JenkinsRule r) throws Exception {
        WorkflowRun b = failedGate(r);
        JSONObject build = r.getJSON(b.getUrl() + "api/json?tree=actions[_class,verdict,allowsDeployment,reasons,"
                + "severities[severity,total,fresh,waived],findingCount,reportPath,scans[tool,status,findings]]")
                .getJSONObject();

        JSONObject gate = action(build, "GateReportAction");
        assertEquals("FAILED", gate.getString("verdict"));
        assertFalse(gate.getBoolean("allowsDeployment"));
        assertEquals("FAILED thresholds.total.critical: 1 CRITICAL/UNKNOWN finding(s) (max 0)",
                gate.getJSONArray("reasons").getString(0));
        assertEquals(1, gate.getInt("findingCount"));
        assertEquals("secure-deploy/gate", gate.getString("reportPath"));
        JSONObject critical = gate.getJSONArray("severities").getJSONObject(0);
        assertEquals("CRITICAL", critical.getString("severity"));
        assertEquals(1, critical.getInt("total"));
        assertEquals(1, critical.getInt("fresh"));

        JSONObject scans = action(build, "ScanResultsAction");
        assertEquals("trivy", scans.getJSONArray("scans").getJSONObject(0).getString("tool"));
        assertEquals(1, scans.getJSONArray("scans").getJSONObject(0).getInt("findings"));
    }

    @Test
    void shouldShowTheDecisionWithTheBuildWithoutATreeButTheFindingsOnlyOnRequest(JenkinsRule r) throws Exception {
        WorkflowRun b = failedGate(r);
        JSONObject gate = action(r.getJSON(b.getUrl() + "api/json").getJSONObject(), "GateReportAction");
        assertEquals("FAILED", gate.getString("verdict"));
        assertNotNull(gate.optJSONArray("reasons"));
        assertFalse(gate.has("findings"), "finding rows are only sent when asked for");

        JSONObject rows = action(r.getJSON(b.getUrl() + "api/json?tree=actions[_class,findings[severity,tool,ruleId,"
                + "where]]").getJSONObject(), "GateReportAction");
        JSONObject row = rows.getJSONArray("findings").getJSONObject(0);
        assertEquals("trivy", row.getString("tool"));
        assertEquals("CVE-2024-0001", row.getString("ruleId"));
        assertTrue(row.getString("where").startsWith("openssl"));
    }
}
