package io.jenkins.plugins.securedeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the engine's own normalised findings format ({@code "format": "secure-deploy-findings"}), one scan result
 * per file: what {@code secure-deploy scan} and other hosts write, and what the gate accepts without a tool parser.
 */
public final class ScanResultReader {
    public static final String FORMAT = "secure-deploy-findings";

    public ScanResult read(InputStream in, String displayName) {
        JsonNode root = Json.strict().readTree(in, displayName);
        List<Problem> problems = new ArrayList<>();
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new InvalidInputException(Problem.of("findings.format", "not a " + FORMAT + " document",
                    Location.ofPointer(displayName, "/format", 0, 0)));
        }
        String tool = root.path("tool").asText("");
        if (tool.isBlank()) {
            throw new InvalidInputException(Problem.of("findings.tool", "'tool' is required",
                    Location.ofPointer(displayName, "/tool", 0, 0)));
        }
        if ("ERROR".equals(root.path("status").asText("OK"))) {
            return ScanResult.error(tool, displayName, List.of(Problem.of("scanner.error",
                    "the scan recorded an error: " + root.path("error").asText("no detail"),
                    Location.ofFile(displayName))));
        }
        List<Finding> findings = new ArrayList<>();
        JsonNode list = root.path("findings");
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String pointer = "/findings/" + i;
            try {
                findings.add(finding(tool, n));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("findings.invalid", "invalid finding: " + e.getMessage(),
                        Location.ofPointer(displayName, pointer, 0, 0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ScanResult.ok(tool, root.path("toolVersion").asText(""), displayName, findings);
    }

    private static Finding finding(String tool, JsonNode n) {
        FindingBuilder b = Finding.builder(n.path("tool").asText(tool), n.path("ruleId").asText(""))
                .title(n.path("title").asText(""))
                .severity(Severity.parseOrUnknown(n.path("severity").asText("")))
                .category(category(n.path("category").asText("OTHER")));
        if (n.path("score").isNumber()) {
            b.score(n.path("score").asDouble());
        }
        n.path("ids").forEach(id -> b.id(id.asText()));
        JsonNode p = n.path("package");
        if (p.isObject()) {
            b.pkg(new PackageRef(p.path("name").asText(""), p.path("version").asText(""),
                    p.path("fixedVersion").asText(""), p.path("purl").asText("")));
        }
        JsonNode loc = n.path("location");
        if (loc.isObject()) {
            b.location(Location.of(loc.path("file").asText(""), Math.max(0, loc.path("line").asInt(0)),
                    Math.max(0, loc.path("column").asInt(0))));
        }
        if (n.hasNonNull("fingerprint")) {
            String fp = n.get("fingerprint").asText();
            b.toolFingerprint(fp);
        }
        return b.build();
    }

    private static Category category(String text) {
        try {
            return Category.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Category.OTHER;
        }
    }
}
