package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * What one scanner run (or one ingested report) produced. {@link Status#ERROR} means the result cannot be trusted
 * (tool crashed, timed out, report missing or garbled): the gate treats it as a failure, never as "0 findings".
 */
public record ScanResult(String tool, String toolVersion, String source, Status status, List<Finding> findings,
        List<Problem> problems) {

    /** Whether the scan completed. */
    public enum Status {
        OK,
        ERROR
    }

    public ScanResult {
        Objects.requireNonNull(tool, "tool");
        toolVersion = toolVersion == null ? "" : toolVersion;
        source = source == null ? "" : source;
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        if (status == Status.ERROR && problems.isEmpty()) {
            throw new IllegalArgumentException("an ERROR scan result needs at least one problem saying why");
        }
    }

    public static ScanResult ok(String tool, String toolVersion, String source, List<Finding> findings) {
        return new ScanResult(tool, toolVersion, source, Status.OK, findings, List.of());
    }

    public static ScanResult error(String tool, String source, List<Problem> problems) {
        return new ScanResult(tool, "", source, Status.ERROR, List.of(), problems);
    }

    public boolean isError() {
        return status == Status.ERROR;
    }
}
