package io.jenkins.plugins.securedeploy.engine.scan.cyclonedxvex;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.DeferredElementsReader;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.TreeReportParser;
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
 * score's CVSS rating when a rating has only a score); none → UNKNOWN. {@code analysis.state} not_affected,
 * false_positive, resolved and resolved_with_pedigree exclude the vulnerability, recorded as
 * {@code cyclonedx.excluded} warnings of the OK result. Vulnerabilities are streamed once the components are read
 * (CycloneDX writes them first); ones that come earlier are deferred to the end of the document.
 * A document without a {@code vulnerabilities} array carries no vulnerability data and is an error, not "0 findings".
 */
public final class CycloneDxVexParser extends TreeReportParser {
    static final String TOOL = "cyclonedx-vex";
    /**
     * Analysis states that make a vulnerability not active: CycloneDX's not_affected and false_positive, and
     * resolved / resolved_with_pedigree (CISA's "fixed": the component no longer has it).
     */
    private static final Set<String> EXCLUDING_STATES =
            Set.of("not_affected", "false_positive", "resolved", "resolved_with_pedigree");

    /** A vulnerability as read. */
    private record Pending(String id, String title, Severity severity, double score, List<String> ids,
            List<String> refs, String state, String justification, String pointer, JsonLocation at) {}

    @Override
    protected String formatId() {
        return TOOL;
    }

    @Override
    protected String formatCode() {
        return "cyclonedx.format";
    }

    @Override
    protected String formatHint() {
        return "not a CycloneDX JSON document: expected \"bomFormat\": \"CycloneDX\" and a 'vulnerabilities' array";
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        Map<String, PackageRef> components = new HashMap<>();
        ElementProblems problems = new ElementProblems();
        boolean[] seen = new boolean[3]; // bomFormat is CycloneDX, components read, vulnerabilities present
        String[] version = {""};
        TreeVisitor vulnerability = (node, pointer, at) -> {
            Pending v = read(node, pointer, at, displayName, problems);
            if (v != null) {
                emit(v, components, displayName, sink);
            }
        };
        try (DeferredElementsReader early = new DeferredElementsReader("/vulnerabilities")) {
            readObject(p, displayName, "", Map.of(), (field, value) -> {
                        switch (field) {
                            case "bomFormat" -> seen[0] = value == JsonToken.VALUE_STRING
                                    && "CycloneDX".equals(p.getText());
                            case "metadata" -> version[0] = toolVersion(TREE.readTree(p));
                            case "components" -> {
                                if (value != JsonToken.START_ARRAY) {
                                    throw notThisFormat(displayName, "/components", p.currentTokenLocation());
                                }
                                readTrees(p, "/components", (node, pointer, at) -> collect(node, components));
                                seen[1] = true;
                            }
                            case "vulnerabilities" -> {
                                if (value != JsonToken.START_ARRAY) {
                                    throw notThisFormat(displayName, "/vulnerabilities", p.currentTokenLocation());
                                }
                                seen[2] = true;
                                if (seen[1]) {
                                    readTrees(p, "/vulnerabilities", vulnerability);
                                } else {
                                    while (p.nextToken() != JsonToken.END_ARRAY) {
                                        early.add(p); // components may still come: resolve refs at the end
                                    }
                                }
                            }
                            default -> { }
                        }
                    });
            if (!seen[0]) {
                throw notThisFormat(displayName, "/bomFormat", null);
            }
            early.replay(displayName, (e, index) ->
                    vulnerability.visit(TREE.readTree(e), "/vulnerabilities/" + index, null));
        }
        if (!seen[2]) {
            throw new InvalidInputException(Problem.of("cyclonedx.no-vulnerabilities", "the CycloneDX document has no "
                    + "'vulnerabilities' array, so it says nothing about vulnerabilities (an SBOM is not a scan)",
                    rootedLocation(displayName, "/vulnerabilities", null)));
        }
        problems.throwIfAny(displayName);
        return new ReportEnd(TOOL, version[0]);
    }

    private static void emit(Pending v, Map<String, PackageRef> components, String displayName, FindingSink sink) {
        if (EXCLUDING_STATES.contains(v.state())) {
            sink.warning(Problem.of("cyclonedx.excluded", v.id() + " excluded: analysis state " + v.state()
                    + (v.justification().isEmpty() ? "" : " (" + v.justification() + ")")
                    + " (not counted as a finding)", rootedLocation(displayName, v.pointer() + "/analysis/state",
                            v.at())));
            return;
        }
        if (v.refs().isEmpty()) {
            sink.accept(finding(v, null));
        }
        for (String ref : v.refs()) {
            sink.accept(finding(v, resolve(ref, components)));
        }
    }

    private static Pending read(JsonNode v, String pointer, JsonLocation at, String displayName,
            ElementProblems problems) {
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
}
