package io.jenkins.plugins.securedeploy.engine.scan.npmaudit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams {@code npm audit --json} (auditReportVersion 2). One finding per advisory object in a package's
 * {@code via} list (entries that are only vulnerable through a dependency — string {@code via} — are covered by that
 * dependency's finding). Severity: the advisory's, else the package's (moderate → MEDIUM). An npm error document
 * ({@code {"message":..., "error":...}}, e.g. when the audit endpoint fails) and npm 6 reports are errors.
 */
public final class NpmAuditParser extends JsonReportParser {
    static final String TOOL = "npm-audit";
    private static final Pattern GHSA = Pattern.compile("(GHSA(-[23456789cfghjmpqrvwx]{4}){3})");
    private static final Pattern UPPER_BOUND = Pattern.compile("^(?:>=?\\s*\\S+\\s+)?<\\s*([0-9][^\\s|<>=]*)$");

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        double[] version = {Double.NaN};
        boolean[] sawVulnerabilities = {false};
        boolean[] npmError = {false};
        fields(p, displayName, "the npm audit report", name -> {
            rejectForeignKey(p, displayName, TOOL, name);
            switch (name) {
                case "auditReportVersion" -> version[0] = number(p, displayName, "auditReportVersion");
                case "vulnerabilities" -> {
                    sawVulnerabilities[0] = true;
                    fields(p, displayName, "vulnerabilities", pkg -> pkg(p, displayName).forEach(sink::accept));
                }
                case "error" -> {
                    npmError[0] = true;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        });
        if (npmError[0] && Double.isNaN(version[0])) {
            throw problem(p, displayName, "report.tool-error",
                    "npm audit failed and wrote an error instead of a report (see its log)");
        }
        if (Double.isNaN(version[0])) {
            throw missing(p, displayName, TOOL, "no auditReportVersion (npm 6 reports are not supported; use npm 7+)");
        }
        if (version[0] != 2) {
            throw problem(p, displayName, "report.unsupported-version", "npm auditReportVersion must be 2");
        }
        if (!sawVulnerabilities[0]) {
            throw missing(p, displayName, TOOL, "no vulnerabilities object");
        }
        return new ReportEnd(TOOL, "");
    }

    private static List<Finding> pkg(JsonParser p, String displayName) throws IOException {
        Pkg pkg = new Pkg();
        List<Advisory> advisories = new ArrayList<>();
        fields(p, displayName, "a vulnerable package", name -> {
            switch (name) {
                case "name" -> pkg.name = string(p, displayName, "name");
                case "severity" -> pkg.severity = string(p, displayName, "severity");
                case "nodes" -> strings(p, displayName, "nodes", n -> {
                    if (pkg.node == null) {
                        pkg.node = n;
                    }
                });
                case "fixAvailable" -> fixAvailable(p, displayName, pkg);
                case "via" -> elements(p, displayName, "via", i -> {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        advisories.add(advisory(p, displayName));
                    } else {
                        string(p, displayName, "via");
                    }
                });
                default -> p.skipChildren();
            }
        });
        if (pkg.name == null || pkg.name.isBlank()) {
            throw missing(p, displayName, TOOL, "a vulnerable package has no name");
        }
        if (pkg.severity == null) {
            throw missing(p, displayName, TOOL, "a vulnerable package has no severity");
        }
        List<Finding> out = new ArrayList<>();
        for (Advisory a : advisories) {
            Severity severity = Severity.parseOrUnknown(a.severity != null ? a.severity : pkg.severity);
            String ghsa = a.url == null ? null : ghsa(a.url);
            String ruleId = ghsa != null ? ghsa : "npm-advisory-" + a.source;
            String fixed = pkg.fixable ? fixedVersion(pkg, a) : "";
            FindingBuilder b = Finding.builder(TOOL, ruleId).title(a.title == null ? ruleId : a.title)
                    .severity(severity).score(a.score).category(Category.SCA).id(ghsa)
                    .id(a.source == null ? null : "npm:" + a.source)
                    .pkg(new PackageRef(pkg.name, "", fixed, "pkg:npm/" + pkg.name))
                    .location(Location.ofFile(pkg.node == null ? "package-lock.json" : pkg.node));
            a.cwe.forEach(b::id);
            out.add(b.build());
        }
        return out;
    }

    private static void fixAvailable(JsonParser p, String displayName, Pkg pkg) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            pkg.fixable = true;
        } else if (t == JsonToken.START_OBJECT) {
            pkg.fixable = true;
            String[] nameAndVersion = new String[2];
            fields(p, displayName, "fixAvailable", f -> {
                if ("name".equals(f)) {
                    nameAndVersion[0] = string(p, displayName, "fixAvailable.name");
                } else if ("version".equals(f)) {
                    nameAndVersion[1] = string(p, displayName, "fixAvailable.version");
                }
            });
            pkg.fixName = nameAndVersion[0];
            pkg.fixVersion = nameAndVersion[1];
        } else if (t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) {
            throw problem(p, displayName, "report.unexpected-type", "fixAvailable must be a boolean or an object");
        }
    }

    /**
     * The version named by npm when it fixes this very package, else the advisory range's upper bound
     * ({@code <4.17.12} → 4.17.12), else "available" (npm says a fix exists but not which version).
     */
    private static String fixedVersion(Pkg pkg, Advisory a) {
        if (pkg.fixVersion != null && pkg.name.equals(pkg.fixName)) {
            return pkg.fixVersion;
        }
        if (a.range != null) {
            Matcher m = UPPER_BOUND.matcher(a.range.trim());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "available";
    }

    private static Advisory advisory(JsonParser p, String displayName) throws IOException {
        Advisory a = new Advisory();
        fields(p, displayName, "an advisory", name -> {
            switch (name) {
                case "source" -> a.source = scalar(p);
                case "title" -> a.title = string(p, displayName, "title");
                case "url" -> a.url = string(p, displayName, "url");
                case "severity" -> a.severity = string(p, displayName, "severity");
                case "range" -> a.range = string(p, displayName, "range");
                case "cwe" -> {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        a.cwe.add(p.getText().toUpperCase(java.util.Locale.ROOT));
                    } else {
                        strings(p, displayName, "cwe", c -> a.cwe.add(c.toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                case "cvss" -> fields(p, displayName, "cvss", f -> {
                    if ("score".equals(f)) {
                        double s = number(p, displayName, "cvss.score");
                        a.score = s > 0 ? s : Double.NaN; // npm writes 0 when no score is known
                    }
                });
                default -> p.skipChildren();
            }
        });
        if (a.source == null && a.url == null) {
            throw missing(p, displayName, TOOL, "an advisory has neither source nor url");
        }
        return a;
    }

    private static String ghsa(String url) {
        Matcher m = GHSA.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static final class Pkg {
        String name;
        String severity;
        String node;
        boolean fixable;
        String fixName;
        String fixVersion;
    }

    private static final class Advisory {
        String source;
        String title;
        String url;
        String severity;
        String range;
        double score = Double.NaN;
        final List<String> cwe = new ArrayList<>();
    }
}
