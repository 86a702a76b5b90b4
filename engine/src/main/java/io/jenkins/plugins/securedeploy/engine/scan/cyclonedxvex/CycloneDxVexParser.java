package io.jenkins.plugins.securedeploy.engine.scan.cyclonedxvex;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CycloneDX (1.4+) BOM or VEX {@code vulnerabilities[]}: id, ratings[].severity/score, references[].id and cwes as
 * ids, affects[].ref resolved against the document's components (bom-ref → purl, name, version; BOM-Link refs by
 * their fragment). One finding per affected component. Severity: the most severe rating the document states (the
 * score's CVSS rating when a rating has only a score); none → UNKNOWN. {@code analysis.state} not_affected and
 * false_positive exclude the vulnerability, recorded as {@code cyclonedx.excluded} problems of the OK result.
 * A document without a {@code vulnerabilities} array carries no vulnerability data and is an error, not "0 findings".
 */
public final class CycloneDxVexParser extends JsonReportParser {
    static final String TOOL = "cyclonedx-vex";
    /** Reads one element as a small tree mid-stream (the strict mapper would reject the rest of the document). */
    private static final ObjectReader TREE =
            Json.strict().mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> EXCLUDING_STATES = Set.of("not_affected", "false_positive");

    /** A vulnerability read before the components it references may have been seen. */
    private record Pending(String id, String title, Severity severity, double score, List<String> ids,
            List<String> refs, String state, String justification, String pointer, JsonLocation at) {}

    @Override
    protected ScanResult read(JsonParser p, String displayName) throws IOException {
        Map<String, PackageRef> components = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean cyclonedx = false;
        boolean sawVulnerabilities = false;
        String version = "";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw notCycloneDx(displayName, "/", p.currentTokenLocation());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "bomFormat" -> cyclonedx = value == JsonToken.VALUE_STRING && "CycloneDX".equals(p.getText());
                case "metadata" -> version = toolVersion(TREE.readTree(p));
                case "components", "vulnerabilities" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw notCycloneDx(displayName, "/" + field, p.currentTokenLocation());
                    }
                    boolean vulns = "vulnerabilities".equals(field);
                    sawVulnerabilities |= vulns;
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonLocation at = p.currentTokenLocation();
                        JsonNode node = TREE.readTree(p);
                        String pointer = "/" + field + "/" + index++;
                        if (vulns) {
                            Pending v = read(node, pointer, at, displayName, problems);
                            if (v != null) {
                                pending.add(v);
                            }
                        } else {
                            collect(node, components);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!cyclonedx) {
            throw notCycloneDx(displayName, "/bomFormat", null);
        }
        if (!sawVulnerabilities) {
            throw new InvalidInputException(Problem.of("cyclonedx.no-vulnerabilities", "the CycloneDX document has no "
                    + "'vulnerabilities' array, so it says nothing about vulnerabilities (an SBOM is not a scan)",
                    rootedLocation(displayName, "/vulnerabilities", null)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Finding> findings = new ArrayList<>();
        List<Problem> excluded = new ArrayList<>();
        for (Pending v : pending) {
            if (EXCLUDING_STATES.contains(v.state())) {
                excluded.add(Problem.of("cyclonedx.excluded", v.id() + " excluded: analysis state " + v.state()
                        + (v.justification().isEmpty() ? "" : " (" + v.justification() + ")")
                        + " (not counted as a finding)", rootedLocation(displayName, v.pointer() + "/analysis/state",
                                v.at())));
                continue;
            }
            if (v.refs().isEmpty()) {
                findings.add(finding(v, null));
            }
            for (String ref : v.refs()) {
                findings.add(finding(v, resolve(ref, components)));
            }
        }
        return new ScanResult(TOOL, version, displayName, ScanResult.Status.OK, findings, excluded);
    }

    private static Pending read(JsonNode v, String pointer, JsonLocation at, String displayName,
            List<Problem> problems) {
        if (!v.isObject()) {
            problems.add(Problem.of("cyclonedx.vulnerability", "a vulnerability must be an object",
                    rootedLocation(displayName, pointer, at)));
            return null;
        }
        String id = text(v, "id");
        if (id.isBlank()) {
            problems.add(Problem.of("cyclonedx.field", "a vulnerability needs an 'id'",
                    rootedLocation(displayName, pointer + "/id", at)));
            return null;
        }
        Severity severity = null;
        double score = Double.NaN;
        for (JsonNode rating : v.path("ratings")) {
            JsonNode s = rating.path("score");
            if (s.isNumber() && (Double.isNaN(score) || s.doubleValue() > score)) {
                score = s.doubleValue();
            }
            Severity stated = Severity.parse(rating.path("severity").asText("")).orElse(null);
            if (stated != null && stated != Severity.UNKNOWN && (severity == null || stated.isAtLeast(severity))) {
                severity = stated;
            }
        }
        if (severity == null) {
            severity = Double.isNaN(score) ? Severity.UNKNOWN : Severity.fromCvss(score);
        }
        List<String> ids = new ArrayList<>();
        ids.add(id);
        for (JsonNode ref : v.path("references")) {
            String refId = ref.path("id").asText("");
            if (!refId.isBlank()) {
                ids.add(refId);
            }
        }
        for (JsonNode cwe : v.path("cwes")) {
            if (cwe.canConvertToInt()) {
                ids.add("CWE-" + cwe.intValue());
            }
        }
        List<String> refs = new ArrayList<>();
        for (JsonNode affect : v.path("affects")) {
            String ref = affect.path("ref").asText("");
            if (!ref.isBlank()) {
                refs.add(ref);
            }
        }
        String description = text(v, "description").strip().lines().findFirst().orElse("");
        if (description.length() > 300) {
            description = description.substring(0, 300) + "...";
        }
        JsonNode analysis = v.path("analysis");
        return new Pending(id, description, severity, score, ids, refs,
                analysis.path("state").asText("").toLowerCase(Locale.ROOT), analysis.path("justification").asText(""),
                pointer, at);
    }

    private static Finding finding(Pending v, PackageRef pkg) {
        FindingBuilder b = Finding.builder(TOOL, v.id())
                .title(v.title())
                .severity(v.severity())
                .score(v.score())
                .category(Category.SCA)
                .pkg(pkg);
        v.ids().forEach(b::id);
        return b.build();
    }

    private static void collect(JsonNode component, Map<String, PackageRef> components) {
        String ref = text(component, "bom-ref");
        if (!ref.isBlank()) {
            String group = text(component, "group");
            String name = text(component, "name");
            components.put(ref, new PackageRef(group.isBlank() ? name : group + ":" + name,
                    text(component, "version"), "", text(component, "purl")));
        }
        for (JsonNode child : component.path("components")) {
            collect(child, components);
        }
    }

    private static PackageRef resolve(String ref, Map<String, PackageRef> components) {
        PackageRef known = components.get(ref);
        if (known == null && ref.startsWith("urn:cdx:") && ref.contains("#")) {
            known = components.get(ref.substring(ref.indexOf('#') + 1));
        }
        if (known != null) {
            return known;
        }
        String fragment = ref.startsWith("urn:cdx:") && ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref;
        return new PackageRef(fragment, "", "", fragment.startsWith("pkg:") ? fragment : "");
    }

    private static String toolVersion(JsonNode metadata) {
        JsonNode tools = metadata.path("tools");
        JsonNode first = tools.isArray() ? tools.path(0) : tools.path("components").path(0);
        return first.path("version").asText("");
    }

    /** Like {@link JsonReportParser#location}, naming the document root "/" rather than "". */
    private static Location rootedLocation(String displayName, String pointer, JsonLocation at) {
        return location(displayName, pointer.isEmpty() ? "/" : pointer, at);
    }

    private static InvalidInputException notCycloneDx(String displayName, String pointer, JsonLocation at) {
        return new InvalidInputException(Problem.of("cyclonedx.format", "not a CycloneDX JSON document: expected "
                + "\"bomFormat\": \"CycloneDX\" and a 'vulnerabilities' array", rootedLocation(displayName, pointer, at)));
    }
}
