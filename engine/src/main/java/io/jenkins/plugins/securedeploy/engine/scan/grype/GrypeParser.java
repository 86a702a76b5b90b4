package io.jenkins.plugins.securedeploy.engine.scan.grype;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a Grype JSON report. Each match is one finding: the vulnerability id plus its related ids, Grype's severity
 * (Negligible → INFO; Unknown falls back to the highest CVSS base score), the artifact as the package with the first
 * fixed version when the fix state is "fixed". Category is CONTAINER for image sources, SCA otherwise; Grype writes
 * {@code source} after {@code matches}, so findings are completed at the end of the document.
 */
public final class GrypeParser extends JsonReportParser {
    static final String TOOL = "grype";

    @Override
    protected ScanResult read(JsonParser p, String displayName) throws IOException {
        List<FindingBuilder> pending = new ArrayList<>();
        String[] sourceType = {""};
        String[] version = {""};
        boolean[] sawMatches = {false};
        fields(p, displayName, "the Grype report", name -> {
            switch (name) {
                case "matches" -> {
                    sawMatches[0] = true;
                    elements(p, displayName, "matches", i -> pending.add(match(p, displayName)));
                }
                case "source" -> fields(p, displayName, "source", f -> {
                    if ("type".equals(f)) {
                        sourceType[0] = String.valueOf(string(p, displayName, "source.type"));
                    }
                });
                case "descriptor" -> fields(p, displayName, "descriptor", f -> {
                    if ("version".equals(f)) {
                        version[0] = string(p, displayName, "descriptor.version");
                    }
                });
                default -> p.skipChildren();
            }
        });
        if (!sawMatches[0]) {
            throw missing(p, displayName, TOOL, "no matches array");
        }
        Category category = "image".equals(sourceType[0]) ? Category.CONTAINER : Category.SCA;
        List<Finding> findings = new ArrayList<>(pending.size());
        for (FindingBuilder b : pending) {
            findings.add(b.category(category).build());
        }
        return ScanResult.ok(TOOL, version[0], displayName, findings);
    }

    private static FindingBuilder match(JsonParser p, String displayName) throws IOException {
        Match m = new Match();
        fields(p, displayName, "a match", name -> {
            switch (name) {
                case "vulnerability" -> vulnerability(p, displayName, m);
                case "relatedVulnerabilities" -> elements(p, displayName, "relatedVulnerabilities",
                        i -> fields(p, displayName, "a related vulnerability", f -> {
                            if ("id".equals(f)) {
                                m.related.add(string(p, displayName, "relatedVulnerabilities.id"));
                            }
                        }));
                case "artifact" -> fields(p, displayName, "artifact", f -> {
                    switch (f) {
                        case "name" -> m.pkg = string(p, displayName, "artifact.name");
                        case "version" -> m.version = string(p, displayName, "artifact.version");
                        case "purl" -> m.purl = string(p, displayName, "artifact.purl");
                        case "locations" -> elements(p, displayName, "artifact.locations",
                                i -> fields(p, displayName, "a location", k -> {
                                    if ("path".equals(k) && m.path == null) {
                                        m.path = string(p, displayName, "location.path");
                                    }
                                }));
                        default -> p.skipChildren();
                    }
                });
                default -> p.skipChildren();
            }
        });
        if (m.id == null || m.id.isBlank()) {
            throw missing(p, displayName, TOOL, "a match has no vulnerability.id");
        }
        if (m.pkg == null) {
            throw missing(p, displayName, TOOL, "a match has no artifact.name");
        }
        Severity severity = Severity.parseOrUnknown(m.severity);
        if (severity == Severity.UNKNOWN && !Double.isNaN(m.score)) {
            severity = Severity.fromCvss(m.score);
        }
        String fixed = "fixed".equals(m.fixState) && !m.fixVersions.isEmpty() ? m.fixVersions.get(0) : "";
        FindingBuilder b = Finding.builder(TOOL, m.id).title(m.id + " in " + m.pkg).severity(severity)
                .score(m.score).id(m.id).pkg(new PackageRef(m.pkg, m.version, fixed, m.purl))
                .location(Location.ofFile(m.path == null ? "" : m.path));
        m.related.forEach(b::id);
        return b;
    }

    private static void vulnerability(JsonParser p, String displayName, Match m) throws IOException {
        fields(p, displayName, "vulnerability", f -> {
            switch (f) {
                case "id" -> m.id = string(p, displayName, "vulnerability.id");
                case "severity" -> m.severity = string(p, displayName, "vulnerability.severity");
                case "cvss" -> elements(p, displayName, "vulnerability.cvss",
                        i -> fields(p, displayName, "a CVSS entry", k -> {
                            if ("metrics".equals(k)) {
                                fields(p, displayName, "cvss.metrics", x -> {
                                    if ("baseScore".equals(x)) {
                                        double s = number(p, displayName, "cvss.metrics.baseScore");
                                        if (!Double.isNaN(s) && (Double.isNaN(m.score) || s > m.score)) {
                                            m.score = s;
                                        }
                                    }
                                });
                            }
                        }));
                case "fix" -> fields(p, displayName, "vulnerability.fix", k -> {
                    if ("versions".equals(k)) {
                        strings(p, displayName, "fix.versions", m.fixVersions::add);
                    } else if ("state".equals(k)) {
                        m.fixState = string(p, displayName, "fix.state");
                    }
                });
                default -> p.skipChildren();
            }
        });
    }

    private static final class Match {
        String id;
        String severity;
        double score = Double.NaN;
        String fixState;
        final List<String> fixVersions = new ArrayList<>();
        final List<String> related = new ArrayList<>();
        String pkg;
        String version;
        String purl;
        String path;
    }
}
