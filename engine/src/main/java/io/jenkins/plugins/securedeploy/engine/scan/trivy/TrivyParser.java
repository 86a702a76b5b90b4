package io.jenkins.plugins.securedeploy.engine.scan.trivy;

import com.fasterxml.jackson.core.JsonParser;
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
 * Streams a Trivy JSON report (SchemaVersion 2). {@code Results[].Vulnerabilities} become CONTAINER findings when
 * the artifact is a container image, SCA otherwise; {@code Misconfigurations} with status FAIL become IAC findings;
 * {@code Secrets} become SECRET findings whose {@code Match} and {@code Code} are never read. Trivy's severity is
 * kept as is (CRITICAL stays CRITICAL); UNKNOWN falls back to the highest CVSS v3 score when there is one. Findings
 * stream out as read; results that come before {@code ArtifactType}, or items before their result's {@code Target}
 * (Trivy writes both first), are deferred until they are known.
 */
public final class TrivyParser extends JsonReportParser {
    static final String TOOL = "trivy";

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        Report report = new Report(displayName, sink);
        try (DeferredElementsReader early = new DeferredElementsReader("/Results")) {
            fields(p, displayName, "the Trivy report", name -> {
                rejectForeignKey(p, displayName, TOOL, name);
                switch (name) {
                    case "SchemaVersion" -> report.schema = number(p, displayName, "SchemaVersion");
                    case "ArtifactType" -> {
                        report.artifactType = string(p, displayName, "ArtifactType");
                        report.typeKnown = true;
                    }
                    case "Trivy" -> fields(p, displayName, "Trivy", f -> {
                        if ("Version".equals(f)) {
                            report.version = string(p, displayName, "Trivy.Version");
                        }
                    });
                    case "Results" -> elements(p, displayName, "Results", i -> {
                        if (report.typeKnown) {
                            result(p, i, report);
                        } else {
                            early.add(p); // Trivy writes ArtifactType first; keep results until it comes
                        }
                    });
                    default -> p.skipChildren();
                }
            });
            if (Double.isNaN(report.schema)) {
                throw missing(p, displayName, TOOL, "no SchemaVersion");
            }
            if (report.schema != 2) {
                throw problem(p, displayName, "report.unsupported-version", "Trivy SchemaVersion must be 2");
            }
            early.replay(displayName, (e, i) -> result(e, (int) i, report));
        }
        return new ReportEnd(TOOL, report.version);
    }

    /** One result (target); its findings go out as soon as its Target is known. */
    private static void result(JsonParser p, int index, Report report) throws IOException {
        String displayName = report.displayName;
        String base = "/Results/" + index + "/";
        Target target = new Target();
        try (DeferredElementsReader vulns = new DeferredElementsReader(base + "Vulnerabilities");
                DeferredElementsReader misconfs = new DeferredElementsReader(base + "Misconfigurations");
                DeferredElementsReader secrets = new DeferredElementsReader(base + "Secrets")) {
            fields(p, displayName, "a Trivy result", name -> {
                switch (name) {
                    case "Target" -> {
                        target.name = nz(string(p, displayName, "Target"));
                        target.known = true;
                    }
                    case "Vulnerabilities" -> elements(p, displayName, "Vulnerabilities",
                            i -> item(p, target, vulns, e -> vulnerability(e, report, target)));
                    case "Misconfigurations" -> elements(p, displayName, "Misconfigurations",
                            i -> item(p, target, misconfs, e -> misconfiguration(e, report, target)));
                    case "Secrets" -> elements(p, displayName, "Secrets",
                            i -> item(p, target, secrets, e -> secret(e, report, target)));
                    default -> p.skipChildren();
                }
            });
            target.known = true;
            vulns.replay(displayName, (e, i) -> vulnerability(e, report, target));
            misconfs.replay(displayName, (e, i) -> misconfiguration(e, report, target));
            secrets.replay(displayName, (e, i) -> secret(e, report, target));
        }
    }

    /** Reads one item now, or keeps it until the result's Target is known. */
    private static void item(JsonParser p, Target target, DeferredElementsReader later, ItemReader reader)
            throws IOException {
        if (target.known) {
            reader.read(p);
        } else {
            later.add(p);
        }
    }

    @FunctionalInterface
    private interface ItemReader {
        void read(JsonParser p) throws IOException;
    }

    private static void vulnerability(JsonParser p, Report report, Target target) throws IOException {
        String displayName = report.displayName;
        Vuln v = new Vuln();
        fields(p, displayName, "a vulnerability", name -> {
            switch (name) {
                case "VulnerabilityID" -> v.id = string(p, displayName, "VulnerabilityID");
                case "PkgName" -> v.pkg = string(p, displayName, "PkgName");
                case "InstalledVersion" -> v.version = string(p, displayName, "InstalledVersion");
                case "FixedVersion" -> v.fixed = string(p, displayName, "FixedVersion");
                case "Severity" -> v.severity = string(p, displayName, "Severity");
                case "Title" -> v.title = string(p, displayName, "Title");
                case "PkgIdentifier" -> fields(p, displayName, "PkgIdentifier", f -> {
                    if ("PURL".equals(f)) {
                        v.purl = string(p, displayName, "PkgIdentifier.PURL");
                    }
                });
                case "CweIDs" -> strings(p, displayName, "CweIDs", v.ids::add);
                case "VendorIDs" -> strings(p, displayName, "VendorIDs", v.ids::add);
                case "CVSS" -> fields(p, displayName, "CVSS", source -> fields(p, displayName, "a CVSS source",
                        k -> {
                            if ("V3Score".equals(k)) {
                                v.score(source, number(p, displayName, "CVSS V3Score"));
                            }
                        }));
                default -> p.skipChildren();
            }
        });
        if (v.id == null || v.id.isBlank()) {
            throw missing(p, displayName, TOOL, "a vulnerability has no VulnerabilityID");
        }
        Severity severity = Severity.parseOrUnknown(v.severity);
        double score = v.best();
        if (severity == Severity.UNKNOWN && !Double.isNaN(score)) {
            severity = Severity.fromCvss(score);
        }
        FindingBuilder b = Finding.builder(TOOL, v.id).title(v.title == null ? v.id : v.title).severity(severity)
                .score(score).id(v.id).pkg(new PackageRef(nz(v.pkg), v.version, v.fixed, v.purl));
        v.ids.forEach(b::id);
        report.sink.accept(b.category(report.vulnCategory()).location(Location.of(target.name, 0, 0)).build());
    }

    private static void misconfiguration(JsonParser p, Report report, Target target) throws IOException {
        String displayName = report.displayName;
        Misconf m = new Misconf();
        fields(p, displayName, "a misconfiguration", name -> {
            switch (name) {
                case "ID" -> m.id = string(p, displayName, "ID");
                case "AVDID" -> m.avdId = string(p, displayName, "AVDID");
                case "Title" -> m.title = string(p, displayName, "Title");
                case "Severity" -> m.severity = string(p, displayName, "Severity");
                case "Status" -> m.status = string(p, displayName, "Status");
                case "CauseMetadata" -> fields(p, displayName, "CauseMetadata", f -> {
                    if ("StartLine".equals(f)) {
                        m.line = position(p, displayName, "CauseMetadata.StartLine");
                    } else if ("Resource".equals(f)) {
                        m.resource = string(p, displayName, "CauseMetadata.Resource");
                    }
                });
                default -> p.skipChildren(); // Description, Message, Code lines...
            }
        });
        String id = m.id != null && !m.id.isBlank() ? m.id : m.avdId;
        if (id == null || id.isBlank()) {
            throw missing(p, displayName, TOOL, "a misconfiguration has no ID");
        }
        if (m.status != null && !"FAIL".equalsIgnoreCase(m.status)) {
            return; // PASS / EXCEPTION entries of --include-non-failures are not findings
        }
        FindingBuilder b = Finding.builder(TOOL, id).title(m.title == null ? id : m.title)
                .severity(Severity.parseOrUnknown(m.severity)).id(id).id(m.avdId)
                .fingerprintHint(nz(m.resource) + ":" + m.line);
        report.sink.accept(b.category(Category.IAC).location(Location.of(target.name, m.line, 0)).build());
    }

    private static void secret(JsonParser p, Report report, Target target) throws IOException {
        String displayName = report.displayName;
        Misconf s = new Misconf();
        fields(p, displayName, "a secret", name -> {
            switch (name) {
                case "RuleID" -> s.id = string(p, displayName, "RuleID");
                case "Title" -> s.title = string(p, displayName, "Title");
                case "Severity" -> s.severity = string(p, displayName, "Severity");
                case "StartLine" -> s.line = position(p, displayName, "StartLine");
                default -> p.skipChildren(); // Match, Code: the secret itself, never read
            }
        });
        if (s.id == null || s.id.isBlank()) {
            throw missing(p, displayName, TOOL, "a secret has no RuleID");
        }
        FindingBuilder b = Finding.builder(TOOL, s.id).title(s.title == null ? s.id : s.title)
                .severity(Severity.parseOrUnknown(s.severity)).fingerprintHint(Integer.toString(s.line));
        report.sink.accept(b.category(Category.SECRET).location(Location.of(target.name, s.line, 0)).build());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Report {
        final String displayName;
        final FindingSink sink;
        double schema = Double.NaN;
        String artifactType;
        boolean typeKnown;
        String version = "";

        Report(String displayName, FindingSink sink) {
            this.displayName = displayName;
            this.sink = sink;
        }

        Category vulnCategory() {
            return "container_image".equals(artifactType) ? Category.CONTAINER : Category.SCA;
        }
    }

    private static final class Target {
        String name = "";
        boolean known;
    }

    private static final class Vuln {
        String id;
        String pkg;
        String version;
        String fixed;
        String severity;
        String title;
        String purl;
        double nvd = Double.NaN;
        double other = Double.NaN;
        final List<String> ids = new ArrayList<>();

        /** NVD's score when given, else the highest vendor score. */
        void score(String source, double s) {
            if (Double.isNaN(s)) {
                return;
            }
            if ("nvd".equals(source)) {
                nvd = s;
            } else {
                other = Double.isNaN(other) ? s : Math.max(other, s);
            }
        }

        double best() {
            return Double.isNaN(nvd) ? other : nvd;
        }
    }

    private static final class Misconf {
        String id;
        String avdId;
        String title;
        String severity;
        String status;
        String resource;
        int line;
    }
}
