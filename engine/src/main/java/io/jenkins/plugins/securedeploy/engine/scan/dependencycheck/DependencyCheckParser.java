package io.jenkins.plugins.securedeploy.engine.scan.dependencycheck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.TreeReportParser;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OWASP Dependency-Check {@code --format JSON} (reportSchema 1.1): {@code dependencies[]}, each with
 * {@code packages[]} (or the older {@code identifiers[]}) whose {@code id} is a purl, and {@code vulnerabilities[]}
 * (name, cvssv3.baseScore, cvssv2.score/severity, severity when unscored, cwes). Severity: CVSS v3 base score
 * rating (so CRITICAL survives), else the CVSS v2 severity the tool wrote, else the unscored severity, else UNKNOWN.
 * {@code suppressedVulnerabilities[]} are not findings but are recorded as {@code dependencycheck.suppressed}
 * problems of the (OK) result, so a report shows what the suppression file hid. Streams per dependency.
 */
public final class DependencyCheckParser extends TreeReportParser {
    static final String TOOL = "dependency-check";
    private static final Pattern CWE = Pattern.compile("CWE-(\\d+)");

    @Override
    protected String formatId() {
        return TOOL;
    }

    @Override
    protected String formatCode() {
        return "dependencycheck.format";
    }

    @Override
    protected String formatHint() {
        return "not a Dependency-Check JSON report: expected 'reportSchema' or 'scanInfo' and a 'dependencies' array "
                + "(run with --format JSON)";
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        ElementProblems problems = new ElementProblems();
        boolean[] sawSchema = {false};
        String[] version = {""};
        Set<String> seen = readObject(p, displayName, "", Map.of("dependencies",
                (dependency, pointer, at) -> readDependency(dependency, pointer, at, displayName, sink, problems)),
                (field, value) -> {
                    if ("scanInfo".equals(field) && value == JsonToken.START_OBJECT) {
                        sawSchema[0] = true;
                        version[0] = TREE.<JsonNode>readTree(p).path("engineVersion").asText("");
                    } else {
                        sawSchema[0] |= "reportSchema".equals(field);
                    }
                });
        if (!seen.contains("dependencies") || !sawSchema[0]) {
            throw notThisFormat(displayName, seen.contains("dependencies") ? "/reportSchema" : "/dependencies", null);
        }
        problems.throwIfAny(displayName);
        return new ReportEnd(TOOL, version[0]);
    }

    private static void readDependency(JsonNode d, String pointer, JsonLocation at, String displayName,
            FindingSink sink, ElementProblems problems) {
        if (!d.isObject()) {
            problems.add(Problem.of("dependencycheck.dependency", "a dependency must be an object",
                    location(displayName, pointer, at)));
            return;
        }
        String fileName = text(d, "fileName");
        PackageRef pkg = packageRef(d, fileName);
        JsonNode vulns = d.path("vulnerabilities");
        JsonNode hidden = d.path("suppressedVulnerabilities");
        for (String list : new String[] {"vulnerabilities", "suppressedVulnerabilities"}) {
            JsonNode n = d.path(list);
            if (!n.isMissingNode() && !n.isArray()) {
                problems.add(Problem.of("dependencycheck.field", "'" + list + "' must be an array",
                        location(displayName, pointer + "/" + list, at)));
                return;
            }
        }
        for (int i = 0; i < vulns.size(); i++) {
            JsonNode v = vulns.get(i);
            String name = text(v, "name");
            if (name.isBlank()) {
                problems.add(Problem.of("dependencycheck.field", "a vulnerability needs a 'name'",
                        location(displayName, pointer + "/vulnerabilities/" + i + "/name", at)));
                continue;
            }
            sink.accept(toFinding(v, name, fileName, pkg));
        }
        for (int i = 0; i < hidden.size(); i++) {
            String name = text(hidden.get(i), "name");
            sink.warning(Problem.of("dependencycheck.suppressed", (name.isBlank() ? "a vulnerability" : name)
                    + " in " + (fileName.isBlank() ? "a dependency" : fileName)
                    + " was suppressed by the Dependency-Check suppression file (not counted as a finding)",
                    location(displayName, pointer + "/suppressedVulnerabilities/" + i, at)));
        }
    }

    private static Finding toFinding(JsonNode v, String name, String fileName, PackageRef pkg) {
        double v3 = number(v.path("cvssv3").path("baseScore"));
        double v2 = number(v.path("cvssv2").path("score"));
        Severity severity;
        if (!Double.isNaN(v3)) {
            severity = Severity.fromCvss(v3);
        } else if (!Double.isNaN(v2)) {
            severity = Severity.parse(v.path("cvssv2").path("severity").asText("")).orElse(cvssV2(v2));
        } else {
            severity = Severity.parseOrUnknown(text(v, "severity"));
        }
        FindingBuilder b = Finding.builder(TOOL, name)
                .title(firstLine(text(v, "description")))
                .severity(severity)
                .score(Double.isNaN(v3) ? v2 : v3)
                .category(Category.SCA)
                .id(name)
                .pkg(pkg)
                .location(Location.ofFile(fileName));
        for (JsonNode cwe : v.path("cwes")) {
            Matcher m = CWE.matcher(cwe.asText(""));
            if (m.find()) {
                b.id("CWE-" + m.group(1));
            }
        }
        return b.build();
    }

    /** CVSS v2 qualitative rating: 7.0-10 high, 4.0-6.9 medium, below low (v2 has no critical). */
    static Severity cvssV2(double score) {
        if (score < 0 || score > 10) {
            return Severity.UNKNOWN;
        }
        return score >= 7.0 ? Severity.HIGH : score >= 4.0 ? Severity.MEDIUM : Severity.LOW;
    }

    private static PackageRef packageRef(JsonNode d, String fileName) {
        for (String list : new String[] {"packages", "identifiers"}) {
            for (JsonNode id : d.path(list)) {
                String purl = id.path("id").asText("");
                if (purl.startsWith("pkg:")) {
                    return fromPurl(purl);
                }
            }
        }
        return fileName.isBlank() ? null : new PackageRef(fileName, "", "", "");
    }

    /** {@code pkg:type/namespace/name@version?qualifiers#subpath} → name {@code namespace/name}, version. */
    static PackageRef fromPurl(String purl) {
        String rest = purl.substring(4);
        int cut = indexOfAny(rest, '?', '#');
        if (cut >= 0) {
            rest = rest.substring(0, cut);
        }
        String version = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        int slash = rest.indexOf('/');
        String name = slash >= 0 ? rest.substring(slash + 1) : rest;
        return new PackageRef(name.isEmpty() ? purl : name, version, "", purl);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
