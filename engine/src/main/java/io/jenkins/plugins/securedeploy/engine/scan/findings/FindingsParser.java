package io.jenkins.plugins.securedeploy.engine.scan.findings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.ResultsSink;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the engine's own findings document ({@value ScanResultsWriter#FORMAT}, version 1; schema
 * {@link ScanResultsWriter#SCHEMA}). Strict where a mistake could hide a finding: a wrong format or version, an
 * unknown field (a typo like {@code severty}), a wrong type, an unknown severity, category or status, or counts that
 * disagree with the findings are located errors naming the JSON pointer, never a shorter list. Lenient only where a
 * default is safe for hand-written documents: a missing severity is UNKNOWN (which gates rank above CRITICAL), a
 * missing category OTHER, a missing fingerprint is computed, a missing source is the file name, and an ERROR result
 * without problems gets one saying so. A fingerprint that is given is kept verbatim, so what
 * {@link ScanResultsWriter} wrote reads back equal.
 *
 * <p>As a {@link io.jenkins.plugins.securedeploy.engine.scan.ReportParser} it reads a document holding exactly one
 * result (what {@code scan --json} and {@code secrets --json} write), whose source is then the file it was read
 * from, like every format's; {@link #readAll} reads any number and keeps each result's recorded source (the
 * interchange between hosts reads back equal).
 */
public final class FindingsParser extends JsonReportParser {
    private static final String FORMAT = ScanResultsWriter.FORMAT;
    /** The same document under the name the host interchange had before it became this one (builds keep it). */
    static final String LEGACY_FORMAT = "secure-deploy-scan-results";

    private final ResultsSink results;

    public FindingsParser() {
        this(null);
    }

    private FindingsParser(ResultsSink results) {
        this.results = results;
    }

    /** Every scan result of a document, in order (the stream is not closed). */
    public static List<ScanResult> readAll(InputStream document, String displayName) {
        List<ScanResult> out = new ArrayList<>();
        stream(document, displayName, new ResultsSink() {
            private List<Finding> findings;

            @Override
            public Consumer<Finding> begin() {
                findings = new ArrayList<>();
                return findings::add;
            }

            @Override
            public void end(ScanResult r, long n) {
                out.add(new ScanResult(r.tool(), r.toolVersion(), r.source(), r.status(), findings, r.problems()));
            }
        });
        return List.copyOf(out);
    }

    /**
     * Streams every scan result of a document into {@code results}, each keeping its recorded source (the stream is
     * not closed).
     *
     * @throws io.jenkins.plugins.securedeploy.engine.core.InvalidInputException when the document is not valid
     */
    public static void stream(InputStream document, String displayName, ResultsSink results) {
        new FindingsParser(java.util.Objects.requireNonNull(results, "results")).parse(document, displayName,
                new io.jenkins.plugins.securedeploy.engine.scan.CountingSink());
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        if (results != null) {
            readDocument(p, displayName, results);
            return new ReportEnd(FORMAT, "");
        }
        // one result, its findings to the sink as they are read (a second result's too: the document then fails)
        ScanResult[] first = {null};
        int n = readDocument(p, displayName, new ResultsSink() {
            @Override
            public Consumer<Finding> begin() {
                return sink::accept;
            }

            @Override
            public void end(ScanResult r, long findings) {
                if (first[0] == null) {
                    first[0] = r;
                }
            }
        });
        if (n != 1) {
            throw problem(p, displayName, "findings.not-one-result", "the document holds " + n
                    + " scan results; this reader takes exactly one (secure-deploy ingest and gate read them all)");
        }
        ScanResult one = first[0];
        for (Problem problem : one.problems()) {
            if (one.isError()) {
                sink.problem(problem);
            } else {
                sink.warning(problem);
            }
        }
        return new ReportEnd(one.tool(), one.toolVersion());
    }

    /** Reads the document, each result into {@code into}; returns how many results it holds. */
    private static int readDocument(JsonParser p, String displayName, ResultsSink into) throws IOException {
        String[] format = {null};
        int[] version = {-1};
        String[] status = {null};
        Location[] statusAt = {null};
        int[] read = {0};
        boolean[] anyError = {false};
        boolean[] sawResults = {false};
        fields(p, displayName, "the findings document", name -> {
            switch (name) {
                case "$schema" -> string(p, displayName, "$schema");
                case "format" -> format[0] = string(p, displayName, "format");
                case "version" -> version[0] = integer(p, displayName, "version");
                case "status" -> {
                    statusAt[0] = at(p, displayName);
                    status[0] = status(p, displayName).name();
                }
                case "results" -> {
                    sawResults[0] = true;
                    elements(p, displayName, "results", i -> {
                        read[0]++;
                        anyError[0] |= result(p, displayName, into);
                    });
                }
                default -> throw unknown(p, displayName, "$schema, format, version, status, results");
            }
        });
        if (format[0] == null) {
            throw missing(p, displayName, "findings", "'format' is missing (expected \"" + FORMAT + "\")");
        }
        if (!FORMAT.equals(format[0]) && !LEGACY_FORMAT.equals(format[0])) {
            throw problem(p, displayName, "findings.format", "'format' must be \"" + FORMAT + "\"");
        }
        if (version[0] < 0) {
            throw problem(p, displayName, "findings.version", "'version' is missing; this engine reads version "
                    + ScanResultsWriter.VERSION + " ({\"format\": \"" + FORMAT + "\", \"version\": 1, \"results\": "
                    + "[...]})");
        }
        if (version[0] != ScanResultsWriter.VERSION) {
            throw problem(p, displayName, "findings.version", "version " + version[0] + " is not supported; this "
                    + "engine reads version " + ScanResultsWriter.VERSION
                    + (version[0] > ScanResultsWriter.VERSION ? " (upgrade secure-deploy)" : ""));
        }
        if (!sawResults[0]) {
            throw missing(p, displayName, "findings", "'results' is missing");
        }
        if (status[0] != null && anyError[0] != ScanResult.Status.ERROR.name().equals(status[0])) {
            throw invalid(statusAt[0], "findings.status-mismatch", "'status' is " + status[0]
                    + " but " + (anyError[0] ? "a result is ERROR" : "no result is ERROR"));
        }
        return read[0];
    }

    /**
     * One result: its findings to {@code into} as they are read (held only in a document that names the result's
     * tool after its findings); returns whether it is ERROR.
     */
    private static boolean result(JsonParser p, String displayName, ResultsSink into) throws IOException {
        Location start = at(p, displayName);
        String[] text = {null, "", null};
        ScanResult.Status[] status = {ScanResult.Status.OK};
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        Location[] countsAt = {null};
        List<FindingDraft> held = new ArrayList<>();
        Map<Severity, Integer> actual = new EnumMap<>(Severity.class);
        List<Problem> problems = new ArrayList<>();
        boolean[] sawFindings = {false};
        Consumer<Finding> findings = into.begin();
        Consumer<Finding> counted = f -> {
            actual.merge(f.severity(), 1, Integer::sum);
            findings.accept(f);
        };
        fields(p, displayName, "a scan result", name -> {
            switch (name) {
                case "tool" -> text[0] = nonBlank(p, displayName, "tool");
                case "toolVersion" -> text[1] = orEmpty(string(p, displayName, "toolVersion"));
                case "source" -> text[2] = string(p, displayName, "source");
                case "status" -> status[0] = status(p, displayName);
                case "counts" -> {
                    countsAt[0] = at(p, displayName);
                    fields(p, displayName, "counts", s -> counts.put(severityName(p, displayName, s),
                            integer(p, displayName, "counts." + s)));
                }
                case "run" -> run(p, displayName);
                case "findings" -> {
                    sawFindings[0] = true;
                    elements(p, displayName, "findings", i -> {
                        FindingDraft f = finding(p, displayName);
                        if (text[0] != null) {
                            counted.accept(f.build(text[0]));
                        } else {
                            held.add(f);
                        }
                    });
                }
                case "problems" -> elements(p, displayName, "problems", i -> problems.add(problem(p, displayName)));
                default -> throw unknown(p, displayName,
                        "tool, toolVersion, source, status, counts, run, findings, problems");
            }
        });
        if (text[0] == null) {
            throw invalid(start, "findings.required", "a scan result needs 'tool'");
        }
        if (!sawFindings[0]) {
            throw invalid(start, "findings.required", "a scan result needs 'findings' (an array, [] for none)");
        }
        for (FindingDraft f : held) {
            counted.accept(f.build(text[0]));
        }
        if (countsAt[0] != null) {
            for (Severity s : Severity.values()) {
                if (!counts.getOrDefault(s, 0).equals(actual.getOrDefault(s, 0))) {
                    throw invalid(countsAt[0], "findings.counts-mismatch", "counts." + s + " is "
                            + counts.getOrDefault(s, 0) + " but the result lists " + actual.getOrDefault(s, 0) + " "
                            + s + " finding(s); the document is incomplete or was edited");
                }
            }
        }
        if (status[0] == ScanResult.Status.ERROR && problems.isEmpty()) {
            problems.add(Problem.of("findings.error-without-reason", "the scan recorded an error without saying why",
                    start));
        }
        long n = actual.values().stream().mapToLong(Integer::longValue).sum();
        into.end(new ScanResult(text[0], text[1], text[2] == null ? displayName : text[2], status[0], List.of(),
                problems), n);
        return status[0] == ScanResult.Status.ERROR;
    }

    private static void run(JsonParser p, String displayName) throws IOException {
        fields(p, displayName, "run", name -> {
            switch (name) {
                case "command", "outcome" -> string(p, displayName, "run." + name);
                case "exitCode" -> {
                    if (p.currentToken() != JsonToken.VALUE_NULL) {
                        integer(p, displayName, "run.exitCode");
                    }
                }
                case "durationMillis" -> integer(p, displayName, "run.durationMillis");
                default -> throw unknown(p, displayName, "command, outcome, exitCode, durationMillis");
            }
        });
    }

    private static FindingDraft finding(JsonParser p, String displayName) throws IOException {
        FindingDraft f = new FindingDraft(at(p, displayName));
        fields(p, displayName, "a finding", name -> {
            switch (name) {
                case "fingerprint" -> f.fingerprint = nonBlank(p, displayName, "fingerprint");
                case "tool" -> f.tool = nonBlank(p, displayName, "tool");
                case "ruleId" -> f.ruleId = nonBlank(p, displayName, "ruleId");
                case "title" -> f.title = orEmpty(string(p, displayName, "title"));
                case "severity" -> f.severity = severity(p, displayName);
                case "category" -> f.category = category(p, displayName);
                case "score" -> f.score = finite(p, displayName);
                case "ids" -> strings(p, displayName, "ids", f.ids::add);
                case "package" -> f.pkg = pkg(p, displayName);
                case "location" -> f.location = location(p, displayName);
                default -> throw unknown(p, displayName,
                        "fingerprint, tool, ruleId, title, severity, category, score, ids, package, location");
            }
        });
        if (f.ruleId == null) {
            throw invalid(f.at, "findings.required", "a finding needs 'ruleId'");
        }
        return f;
    }

    private static Problem problem(JsonParser p, String displayName) throws IOException {
        Location start = at(p, displayName);
        String[] code = {null};
        String[] message = {null};
        Location[] location = {Location.ofFile("")};
        fields(p, displayName, "a problem", name -> {
            switch (name) {
                case "code" -> code[0] = nonBlank(p, displayName, "code");
                case "message" -> message[0] = string(p, displayName, "message");
                case "location" -> location[0] = location(p, displayName);
                default -> throw unknown(p, displayName, "code, message, location");
            }
        });
        if (code[0] == null || message[0] == null) {
            throw invalid(start, "findings.required", "a problem needs 'code' and 'message'");
        }
        return Problem.of(code[0], message[0], location[0]);
    }

    private static PackageRef pkg(JsonParser p, String displayName) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Location start = at(p, displayName);
        String[] v = {null, "", "", ""};
        fields(p, displayName, "package", name -> {
            switch (name) {
                case "name" -> v[0] = nonBlank(p, displayName, "package.name");
                case "version" -> v[1] = orEmpty(string(p, displayName, "package.version"));
                case "fixedVersion" -> v[2] = orEmpty(string(p, displayName, "package.fixedVersion"));
                case "purl" -> v[3] = orEmpty(string(p, displayName, "package.purl"));
                default -> throw unknown(p, displayName, "name, version, fixedVersion, purl");
            }
        });
        if (v[0] == null) {
            throw invalid(start, "findings.required", "a package needs 'name'");
        }
        return new PackageRef(v[0], v[1], v[2], v[3]);
    }

    private static Location location(JsonParser p, String displayName) throws IOException {
        String[] text = {"", ""};
        int[] position = {0, 0};
        fields(p, displayName, "location", name -> {
            switch (name) {
                case "file" -> text[0] = orEmpty(string(p, displayName, "location.file"));
                case "pointer" -> text[1] = orEmpty(string(p, displayName, "location.pointer"));
                case "line" -> position[0] = position(p, displayName, "location.line");
                case "column" -> position[1] = position(p, displayName, "location.column");
                default -> throw unknown(p, displayName, "file, pointer, line, column");
            }
        });
        return new Location(text[0], text[1], position[0], position[1]);
    }

    private static Severity severity(JsonParser p, String displayName) throws IOException {
        String s = string(p, displayName, "severity");
        if (s == null) {
            return Severity.UNKNOWN;
        }
        return Severity.parse(s).orElseThrow(() -> problem(p, displayName, "findings.severity",
                "unknown severity; use CRITICAL, HIGH, MEDIUM, LOW, INFO or UNKNOWN"));
    }

    private static Severity severityName(JsonParser p, String displayName, String name) {
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw unknown(p, displayName, "CRITICAL, HIGH, MEDIUM, LOW, INFO, UNKNOWN");
        }
    }

    private static Category category(JsonParser p, String displayName) throws IOException {
        String s = string(p, displayName, "category");
        if (s == null) {
            return Category.OTHER;
        }
        try {
            return Category.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(p, displayName, "findings.category",
                    "unknown category; use SCA, SAST, SECRET, CONTAINER, IAC, LICENSE or OTHER");
        }
    }

    private static ScanResult.Status status(JsonParser p, String displayName) throws IOException {
        String s = string(p, displayName, "status");
        if (ScanResult.Status.OK.name().equals(s)) {
            return ScanResult.Status.OK;
        }
        if (ScanResult.Status.ERROR.name().equals(s)) {
            return ScanResult.Status.ERROR;
        }
        throw problem(p, displayName, "findings.status", "'status' must be OK or ERROR");
    }

    private static double finite(JsonParser p, String displayName) throws IOException {
        double d = number(p, displayName, "score");
        if (Double.isInfinite(d)) {
            throw problem(p, displayName, "findings.score", "'score' must be a finite number or null");
        }
        return d;
    }

    private static int integer(JsonParser p, String displayName, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
            throw problem(p, displayName, "findings.integer", what + " must be a non-negative integer");
        }
        return p.getIntValue();
    }

    private static String nonBlank(JsonParser p, String displayName, String what) throws IOException {
        String s = string(p, displayName, what);
        if (s == null || s.isBlank()) {
            throw problem(p, displayName, "findings.blank", what + " must be a non-empty string");
        }
        return s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Location at(JsonParser p, String displayName) {
        JsonLocation loc = p.currentLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        String pointer = p.getParsingContext() == null ? "" : p.getParsingContext().pathAsPointer().toString();
        return new Location(displayName, pointer, line, column);
    }

    private static io.jenkins.plugins.securedeploy.engine.core.InvalidInputException invalid(Location at, String code,
            String message) {
        return new io.jenkins.plugins.securedeploy.engine.core.InvalidInputException(Problem.of(code, message, at));
    }

    private static io.jenkins.plugins.securedeploy.engine.core.InvalidInputException unknown(JsonParser p,
            String displayName, String allowed) {
        return problem(p, displayName, "findings.unknown-field", "unknown field (not part of " + FORMAT
                + " version 1); allowed here: " + allowed);
    }
}
