package io.jenkins.plugins.securedeploy.jenkins.scan;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.runner.WorkspaceScanner;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs on the agent: runs each named scanner through the engine's {@link WorkspaceScanner} in the workspace (the
 * built-in secret scanner in process, other tools as configured) and ingests
 * every report file matching the glob through {@link ReportIngest}. Returns the results in the engine's lossless
 * scan-results JSON (compact, and free of the non-serializable engine records). Never "0 findings" for something it
 * could not read: a glob matching nothing, a missing tool, a garbled report are ERROR results.
 */
final class ScanTask implements AgentTask<byte[]> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> tools;
    private final ArrayList<ScannerSetting> configured;
    private final String reports;
    private final String format;

    ScanTask(List<String> tools, List<ScannerSetting> configured, String reports, String format) {
        this.tools = new ArrayList<>(tools);
        this.configured = new ArrayList<>(configured);
        this.reports = reports == null ? "" : reports;
        this.format = format == null || format.isBlank() ? null : format.trim();
    }

    @Override
    public byte[] run(Workspace workspace) throws IOException {
        List<ScanResult> results = new ArrayList<>();
        if (!tools.isEmpty()) {
            if (!(workspace instanceof FileSystemWorkspace)) {
                throw new IOException("scanners run in a file system workspace only, not " + workspace.describe());
            }
            results.addAll(new WorkspaceScanner().scan(tools, ScannerSetting.resolver(configured),
                    (FileSystemWorkspace) workspace));
        }
        if (!reports.isBlank()) {
            ReportIngest ingest = ReportIngest.standard();
            List<String> files;
            try {
                files = workspace.list(reports);
            } catch (SecureDeployException e) {
                results.add(ScanResult.error(ReportIngest.UNKNOWN_TOOL, reports, List.of(Problem.of("file.rejected",
                        e.getMessage(), Location.ofFile(reports)))));
                files = List.of();
            }
            if (files.isEmpty()) {
                results.add(ScanResult.error(format == null ? ReportIngest.UNKNOWN_TOOL : format, reports,
                        List.of(Problem.of("file.missing", "no report file matches '" + reports + "' in the workspace",
                                Location.ofFile(reports)))));
            }
            for (String file : files) {
                results.add(ingest.ingest(workspace, file, format));
            }
        }
        return new ScanResultsWriter().write(results);
    }
}
