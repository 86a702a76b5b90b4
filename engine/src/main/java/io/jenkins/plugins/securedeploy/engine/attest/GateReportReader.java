package io.jenkins.plugins.securedeploy.engine.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a gate report ({@code gate-report.json}, format {@code secure-deploy-gate-report} v1) a scan
 * predicate records: verdict, whether deployment is allowed, reasons, findings per severity (totals), waivers
 * applied ({@code kind:value}) and when it was generated. The report itself becomes the predicate's report entry
 * (name + sha256). A report of another format, or one missing these fields, is a located problem.
 */
public final class GateReportReader {
    public ScanPredicate read(byte[] content, String displayName, ResourceDescriptor policy) {
        LocatedTree tree = LocatedTree.read(content, displayName, false);
        JsonNode root = tree.root();
        List<Problem> problems = new ArrayList<>();
        if (!"secure-deploy-gate-report".equals(root.path("format").asText(null))) {
            problems.add(tree.problem("gate-report.format", "field /format is not secure-deploy-gate-report; pass the "
                    + "gate-report.json the gate command wrote", "/format"));
        }
        JsonNode decision = root.path("decision");
        String verdict = decision.path("verdict").asText("");
        if (!List.of("PASSED", "FAILED", "ERROR").contains(verdict)) {
            problems.add(tree.problem("gate-report.verdict", "field /decision/verdict must be PASSED, FAILED or ERROR",
                    "/decision/verdict"));
        }
        JsonNode bySeverity = root.path("summary").path("bySeverity");
        if (!bySeverity.isObject()) {
            problems.add(tree.problem("gate-report.summary", "field /summary/bySeverity is missing",
                    "/summary/bySeverity"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> reasons = new ArrayList<>();
        decision.path("reasons").forEach(r -> reasons.add(r.path("outcome").asText() + " " + r.path("rule").asText()
                + ": " + r.path("message").asText()));
        Map<String, Long> counts = new LinkedHashMap<>();
        bySeverity.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().path("total").asLong()));
        List<String> waivers = new ArrayList<>();
        root.path("waivers").path("applied").forEach(w -> waivers.add(w.path("kind").asText() + ":"
                + w.path("value").asText()));
        ResourceDescriptor report = ResourceDescriptor.of(displayName, io.jenkins.plugins.securedeploy.engine.core
                .DigestSet.of(Hashing.sha256(content)), "application/json");
        return new ScanPredicate(verdict, decision.path("allowsDeployment").asBoolean(false), reasons, counts,
                List.of(report), policy, waivers, root.path("generatedAt").asText(""));
    }
}
