package io.jenkins.plugins.securedeploy.engine.scan;

import java.io.InputStream;

/**
 * Parses one tool's report format, streaming: each finding goes to a {@link FindingSink} as soon as it is read, so
 * the parse path's heap is bounded independent of report size (the sink decides what it keeps). Bad input is an
 * {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException} whose problems name {@code displayName}
 * and the location; it never echoes report content that might be a secret. Every implementation passes
 * {@code AbstractReportParserTest}.
 */
public interface ReportParser {
    /**
     * Streams {@code report} into {@code sink} following the {@link FindingSink} protocol: findings, problems and
     * warnings as they are read, then {@link FindingSink#end} — or an InvalidInputException instead of the end.
     */
    void parse(InputStream report, String displayName, FindingSink sink);

    /** Parses into a {@link CollectingSink}: every finding in memory, as one {@link ScanResult}. */
    default ScanResult parse(InputStream report, String displayName) {
        CollectingSink sink = new CollectingSink();
        parse(report, displayName, sink);
        return sink.result(displayName);
    }
}
