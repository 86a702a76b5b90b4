package io.jenkins.plugins.securedeploy.engine.scan.osv;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Cvss3;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.DeferredElementsReader;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams an OSV-Scanner JSON report. One finding per vulnerability group of a package (OSV-Scanner groups a GHSA and
 * its CVE/ecosystem aliases), or per vulnerability when there are no groups. Severity follows the tool's own
 * meaning, first that is given: the group's numeric {@code max_severity} (osv-scanner's highest CVSS score of the
 * group); the highest CVSS v3 base score computed from the {@code severity[].score} vectors (what max_severity is
 * computed from); the highest {@code database_specific.severity} (the advisory database's own word, used only when
 * there is no CVSS at all); else UNKNOWN. Only one package's vulnerabilities are held at a time; a result whose
 * {@code packages} come before its {@code source} is deferred to its end.
 */
public final class OsvParser extends JsonReportParser {
    static final String TOOL = "osv-scanner";

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        boolean[] sawResults = {false};
        fields(p, displayName, "the OSV-Scanner report", name -> {
            rejectForeignKey(p, displayName, TOOL, name);
            if ("results".equals(name)) {
                sawResults[0] = true;
                elements(p, displayName, "results", i -> result(p, displayName, sink, i));
            } else if ("errors".equals(name)) {
                throw problem(p, displayName, "report.other-format", "an OSV-Scanner report has no 'errors' array "
                        + "(Semgrep and Bandit reports do); pass the right format or let it be detected");
            } else {
                p.skipChildren();
            }
        });
        if (!sawResults[0]) {
            throw missing(p, displayName, TOOL, "no results array");
        }
        return new ReportEnd(TOOL, "");
    }

    private static void result(JsonParser p, String displayName, FindingSink sink, int index) throws IOException {
        String[] path = {null};
        boolean[] sawPackages = {false};
        try (DeferredElementsReader early = new DeferredElementsReader("/results/" + index + "/packages")) {
            fields(p, displayName, "a result", name -> {
                switch (name) {
                    case "source", "packageSource" -> fields(p, displayName, "source", f -> {
                        if ("path".equals(f)) {
                            path[0] = string(p, displayName, "source.path");
                        }
                    });
                    case "packages" -> {
                        sawPackages[0] = true;
                        elements(p, displayName, "packages", i -> {
                            if (path[0] != null) {
                                emit(pkg(p, displayName), path[0], sink);
                            } else {
                                early.add(p); // osv-scanner writes source first; keep them until it comes
                            }
                        });
                    }
                    default -> p.skipChildren();
                }
            });
            if (!sawPackages[0] || path[0] == null) {
                throw missing(p, displayName, TOOL, "a result needs source.path and packages");
            }
            early.replay(displayName, (e, i) -> emit(pkg(e, displayName), path[0], sink));
        }
    }

    private static void emit(List<FindingBuilder> findings, String path, FindingSink sink) {
        for (FindingBuilder b : findings) {
            sink.accept(b.location(Location.ofFile(path)).build());
        }
    }

    private static List<FindingBuilder> pkg(JsonParser p, String displayName) throws IOException {
        String[] pkg = new String[3];
        Map<String, Vuln> vulns = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        fields(p, displayName, "a package", name -> {
            switch (name) {
                case "package" -> fields(p, displayName, "package", f -> {
                    switch (f) {
                        case "name" -> pkg[0] = string(p, displayName, "package.name");
                        case "version" -> pkg[1] = string(p, displayName, "package.version");
                        case "ecosystem" -> pkg[2] = string(p, displayName, "package.ecosystem");
                        default -> p.skipChildren();
                    }
                });
                case "vulnerabilities" -> elements(p, displayName, "vulnerabilities", i -> {
                    Vuln v = vuln(p, displayName);
                    vulns.put(v.id, v);
                });
                case "groups" -> elements(p, displayName, "groups", i -> groups.add(group(p, displayName)));
                default -> p.skipChildren();
            }
        });
        if (pkg[0] == null) {
            throw missing(p, displayName, TOOL, "a package has no package.name");
        }
        if (groups.isEmpty()) {
            for (Vuln v : vulns.values()) {
                Group g = new Group();
                g.ids.add(v.id);
                groups.add(g);
            }
        }
        List<FindingBuilder> out = new ArrayList<>();
        for (Group g : groups) {
            out.add(finding(g, vulns, pkg));
        }
        return out;
    }

    private static FindingBuilder finding(Group g, Map<String, Vuln> vulns, String[] pkg) {
        String ruleId = g.ids.isEmpty() ? "unknown" : g.ids.get(0);
        Set<String> ids = new LinkedHashSet<>(g.ids);
        ids.addAll(g.aliases);
        String title = null;
        String fixed = "";
        Severity dbSeverity = null;
        double vectorScore = Double.NaN;
        List<String> cwes = new ArrayList<>();
        for (String id : g.ids) {
            Vuln v = vulns.get(id);
            if (v == null) {
                continue;
            }
            ids.addAll(v.aliases);
            cwes.addAll(v.cwes);
            title = title == null ? v.summary : title;
            fixed = fixed.isEmpty() && v.fixed != null ? v.fixed : fixed;
            Severity s = v.dbSeverity == null ? null : Severity.parse(v.dbSeverity).orElse(Severity.UNKNOWN);
            if (s != null && (dbSeverity == null || s.isAtLeast(dbSeverity))) {
                dbSeverity = s;
            }
            if (!Double.isNaN(v.vectorScore) && (Double.isNaN(vectorScore) || v.vectorScore > vectorScore)) {
                vectorScore = v.vectorScore;
            }
        }
        double score = !Double.isNaN(g.maxSeverity) ? g.maxSeverity : vectorScore;
        Severity severity;
        if (!Double.isNaN(score)) {
            severity = Severity.fromCvss(score);
        } else if (dbSeverity != null) {
            severity = dbSeverity;
        } else {
            severity = Severity.UNKNOWN;
        }
        FindingBuilder b = Finding.builder(TOOL, ruleId).title(title == null ? ruleId : title).severity(severity)
                .score(score).category(Category.SCA).pkg(new PackageRef(pkg[0], pkg[1], fixed, ""));
        ids.forEach(b::id);
        cwes.forEach(b::id);
        if (pkg[2] != null) {
            b.fingerprintHint(pkg[2]);
        }
        return b;
    }

    private static Vuln vuln(JsonParser p, String displayName) throws IOException {
        Vuln v = new Vuln();
        fields(p, displayName, "a vulnerability", name -> {
            switch (name) {
                case "id" -> v.id = string(p, displayName, "id");
                case "summary" -> v.summary = string(p, displayName, "summary");
                case "aliases" -> strings(p, displayName, "aliases", v.aliases::add);
                case "severity" -> elements(p, displayName, "severity", i -> fields(p, displayName, "a severity",
                        f -> {
                            if ("score".equals(f)) {
                                double s = Cvss3.baseScore(string(p, displayName, "severity.score"));
                                if (!Double.isNaN(s) && (Double.isNaN(v.vectorScore) || s > v.vectorScore)) {
                                    v.vectorScore = s;
                                }
                            }
                        }));
                case "database_specific" -> fields(p, displayName, "database_specific", f -> {
                    if ("severity".equals(f)) {
                        v.dbSeverity = scalar(p);
                    } else if ("cwe_ids".equals(f)) {
                        strings(p, displayName, "cwe_ids", v.cwes::add);
                    } else {
                        p.skipChildren();
                    }
                });
                case "affected" -> elements(p, displayName, "affected", i -> fields(p, displayName, "affected",
                        f -> {
                            if ("ranges".equals(f)) {
                                elements(p, displayName, "ranges", j -> fields(p, displayName, "a range", k -> {
                                    if ("events".equals(k)) {
                                        elements(p, displayName, "events", e -> fields(p, displayName, "an event",
                                                x -> {
                                                    if ("fixed".equals(x) && v.fixed == null) {
                                                        v.fixed = string(p, displayName, "events.fixed");
                                                    }
                                                }));
                                    }
                                }));
                            }
                        }));
                default -> p.skipChildren(); // details, references, credits...
            }
        });
        if (v.id == null || v.id.isBlank()) {
            throw missing(p, displayName, TOOL, "a vulnerability has no id");
        }
        return v;
    }

    private static Group group(JsonParser p, String displayName) throws IOException {
        Group g = new Group();
        fields(p, displayName, "a group", name -> {
            switch (name) {
                case "ids" -> strings(p, displayName, "group ids", g.ids::add);
                case "aliases" -> strings(p, displayName, "group aliases", g.aliases::add);
                case "max_severity" -> {
                    String s = scalar(p);
                    if (s != null && !s.isBlank()) {
                        g.maxSeverity = number(p, displayName, "max_severity");
                    }
                }
                default -> p.skipChildren();
            }
        });
        if (g.ids.isEmpty()) {
            throw missing(p, displayName, TOOL, "a group has no ids");
        }
        return g;
    }

    private static final class Vuln {
        String id;
        String summary;
        String dbSeverity;
        String fixed;
        double vectorScore = Double.NaN;
        final List<String> aliases = new ArrayList<>();
        final List<String> cwes = new ArrayList<>();
    }

    private static final class Group {
        final List<String> ids = new ArrayList<>();
        final List<String> aliases = new ArrayList<>();
        double maxSeverity = Double.NaN;
    }
}
