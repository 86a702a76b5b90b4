package io.jenkins.plugins.securedeploy.engine.scan.findings;

import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

/**
 * Reads what {@link ScanResultsWriter} wrote (the {@value ScanResultsWriter#FORMAT} document, any number of results),
 * strictly: a wrong format or version, an unknown field or severity, category or status, or counts that disagree
 * with the findings are an {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException} naming the JSON
 * pointer — never a silently shorter list, so a host cannot turn a corrupted transfer into "0 findings". Streams:
 * heap grows with the findings, not with the document.
 */
public final class ScanResultsReader {
    public List<ScanResult> read(byte[] json, String displayName) {
        return read(new ByteArrayInputStream(json), displayName);
    }

    /** Reads a document from a stream (not closed here). */
    public List<ScanResult> read(InputStream json, String displayName) {
        return FindingsParser.readAll(json, displayName);
    }
}
