package io.jenkins.plugins.securedeploy.engine.scan.grype;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.DeferredElementsReader;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a Grype JSON report. Each match is one finding: the vulnerability id plus its related ids, Grype's severity
 * (Negligible → INFO; Unknown falls back to the highest CVSS base score), the artifact as the package with the first
 * fixed version when the fix state is "fixed". Category is CONTAINER for image sources, SCA otherwise; Grype writes
 * {@code source} after {@code matches}, so matches are kept in a compact form ({@link DeferredElementsReader}, spilled to
 * a temporary file beyond a few MiB) and become findings once the source is read: heap stays bounded.
 */
public final class GrypeParser extends JsonReportParser {
    static final String TOOL = "grype";

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        String[] sourceType = {null};
        String[] version = {""};
        boolean[] sawMatches = {false};
        try (DeferredElementsReader early = new DeferredElementsReader("/matches")) {
            fields(p, displayName, "the Grype report", name -> {
                rejectForeignKey(p, displayName, TOOL, name);
                switch (name) {
                    case "matches" -> {
                        sawMatches[0] = true;
                        elements(p, displayName, "matches", i -> {
                            Match m = match(p, displayName);
                            if (sourceType[0] != null) {
                                sink.accept(m.finding(category(sourceType[0])));
                            } else {
                                early.write(m::write); // Grype writes source after matches: keep them compact
                            }
                        });
                    }
                    case "source" -> {
                        sourceType[0] = "";
                        fields(p, displayName, "source", f -> {
                            if ("type".equals(f)) {
                                sourceType[0] = String.valueOf(string(p, displayName, "source.type"));
                            }
                        });
                    }
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
            Category category = category(sourceType[0] == null ? "" : sourceType[0]);
            early.replay(displayName, (e, i) -> sink.accept(Match.read(e).finding(category)));
        }
        return new ReportEnd(TOOL, version[0]);
    }

    private static Category category(String sourceType) {
        return "image".equals(sourceType) ? Category.CONTAINER : Category.SCA;
    }

    private static Match match(JsonParser p, String displayName) throws IOException {
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
        return m;
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

    /** What one match says; written compactly when it must wait for the source. */
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

        Finding finding(Category category) {
            Severity sev = Severity.parseOrUnknown(severity);
            if (sev == Severity.UNKNOWN && !Double.isNaN(score)) {
                sev = Severity.fromCvss(score);
            }
            String fixed = "fixed".equals(fixState) && !fixVersions.isEmpty() ? fixVersions.get(0) : "";
            FindingBuilder b = Finding.builder(TOOL, id).title(id + " in " + pkg).severity(sev)
                    .score(score).id(id).pkg(new PackageRef(pkg, version, fixed, purl))
                    .location(Location.ofFile(path == null ? "" : path)).category(category);
            related.forEach(b::id);
            return b.build();
        }

        void write(JsonGenerator g) throws IOException {
            g.writeStartArray();
            for (String s : new String[] {id, severity, fixState, pkg, version, purl, path}) {
                g.writeString(s);
            }
            if (Double.isNaN(score)) {
                g.writeNull();
            } else {
                g.writeNumber(score);
            }
            g.writeNumber(fixVersions.size());
            for (String s : fixVersions) {
                g.writeString(s);
            }
            for (String s : related) {
                g.writeString(s);
            }
            g.writeEndArray();
        }

        static Match read(JsonParser p) throws IOException {
            Match m = new Match();
            String[] f = new String[7];
            for (int i = 0; i < f.length; i++) {
                p.nextToken();
                f[i] = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
            }
            m.id = f[0];
            m.severity = f[1];
            m.fixState = f[2];
            m.pkg = f[3];
            m.version = f[4];
            m.purl = f[5];
            m.path = f[6];
            p.nextToken();
            m.score = p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
            p.nextToken();
            int fixes = p.getIntValue();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                (fixes-- > 0 ? m.fixVersions : m.related).add(p.getText());
            }
            return m;
        }
    }
}
