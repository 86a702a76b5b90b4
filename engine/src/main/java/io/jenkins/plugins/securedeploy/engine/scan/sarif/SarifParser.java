package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.DeferredElementsReader;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a SARIF 2.1.0 log: every run ({@link SarifRunReader}), every result, each pushed to the sink as it is
 * read. Severity per result: {@link SarifSeverity}. Results of kind pass/notApplicable and baselineState "absent"
 * are not findings. A log whose {@code runs} or a run's {@code results} is missing or null, or whose invocation
 * reports {@code executionSuccessful: false}, is an error (the tool did not complete); {@code "runs": []} records no
 * analysis at all and is an ERROR result (problem {@code sarif.no-runs}), never "0 findings". Other versions (SARIF
 * 1.0.0) are refused as unsupported — checked before any run is read, runs that come before {@code version} being
 * deferred. Region snippets are never read.
 */
public final class SarifParser extends JsonReportParser {
    static final String FORMAT = "sarif";
    private static final String SUPPORTED = "2.1.0";

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        String[] version = {null};
        boolean[] sawRuns = {false};
        List<String> tools = new ArrayList<>();
        List<String> toolVersions = new ArrayList<>();
        long[] runs = {0};
        try (DeferredElementsReader early = new DeferredElementsReader("/runs")) {
            fields(p, displayName, "the SARIF log", name -> {
                rejectForeignKey(p, displayName, FORMAT, name);
                switch (name) {
                    case "version" -> {
                        version[0] = string(p, displayName, "version");
                        checkVersion(p, displayName, version[0]);
                    }
                    case "runs" -> {
                        if (p.currentToken() == JsonToken.VALUE_NULL) {
                            throw problem(p, displayName, "report.tool-failed", "runs is null: the tool failed");
                        }
                        sawRuns[0] = true;
                        elements(p, displayName, "runs", i -> {
                            runs[0]++;
                            if (version[0] != null) {
                                run(p, displayName, "/runs/" + i, sink, tools, toolVersions);
                            } else {
                                early.add(p); // the version decides how a run reads
                            }
                        });
                    }
                    default -> p.skipChildren();
                }
            });
            if (version[0] == null || !sawRuns[0]) {
                throw missing(p, displayName, FORMAT, "a SARIF log needs version and runs");
            }
            early.replay(displayName, (e, i) -> run(e, displayName, "/runs/" + i, sink, tools, toolVersions));
        }
        if (runs[0] == 0) {
            sink.problem(Problem.of("sarif.no-runs", "the SARIF log records no analysis (\"runs\" is empty), so it "
                    + "cannot show that anything was scanned; a clean scan is a run with an empty \"results\" array",
                    Location.ofPointer(displayName, "/runs", 0, 0)));
        }
        boolean oneTool = !tools.isEmpty() && tools.stream().distinct().count() == 1;
        return new ReportEnd(oneTool ? tools.get(0) : FORMAT, oneTool ? toolVersions.get(0) : "");
    }

    private static void run(JsonParser p, String displayName, String pointer, FindingSink sink, List<String> tools,
            List<String> toolVersions) throws IOException {
        SarifRunReader run = new SarifRunReader(p, displayName, pointer, sink);
        run.read();
        tools.add(run.toolName());
        toolVersions.add(run.toolVersion());
    }

    private static void checkVersion(JsonParser p, String displayName, String version) {
        if (!SUPPORTED.equals(version)) {
            String shown = version == null ? "null" : version.replaceAll("[^0-9A-Za-z.-]", "?");
            shown = shown.length() > 20 ? shown.substring(0, 20) + "..." : shown;
            throw problem(p, displayName, "report.unsupported-version", "unsupported SARIF version " + shown
                    + ": only SARIF " + SUPPORTED + " is supported (convert older logs with the SARIF multitool)");
        }
    }
}
