package io.jenkins.plugins.securedeploy.engine.scan.runner;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanOptions;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs the scanners a host names by id in one workspace, one result per id in order: the built-in secret scanner
 * ({@value SecretScanner#TOOL}, nothing to configure or install) in process, every other id through the
 * {@link ScanService} with the {@link ToolSpec} the host's {@code resolve} gives (the admin's configuration, the
 * engine's defaults). An id the host refuses, or a tool that cannot run, is an ERROR result naming why — never a
 * missing result, so the gate's {@code requiredReports} and fail-closed rules see it.
 */
public final class WorkspaceScanner {
    private final ScanService service;
    private final SecretScanner secrets;
    private final SecretScanOptions secretOptions;

    public WorkspaceScanner(ScanService service, SecretScanner secrets, SecretScanOptions secretOptions) {
        this.service = Objects.requireNonNull(service, "service");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.secretOptions = Objects.requireNonNull(secretOptions, "secretOptions");
    }

    /** The standard scan service and the secret scanner with its default options. */
    public WorkspaceScanner() {
        this(new ScanService(), new SecretScanner(), SecretScanOptions.defaults());
    }

    /** Whether {@code toolId} runs in process, without a command (and so without configuration). */
    public static boolean isBuiltIn(String toolId) {
        return SecretScanner.TOOL.equals(toolId);
    }

    /** Every id a host may name: the built-in scanner and every registered report format. */
    public static List<String> knownIds() {
        List<String> ids = new ArrayList<>();
        ids.add(SecretScanner.TOOL);
        ScannerRegistry.standard().all().stream().map(ScannerDescriptor::id).sorted().forEach(ids::add);
        return List.copyOf(ids);
    }

    /** One result per id of {@code tools}, in order. */
    public List<ScanResult> scan(List<String> tools, Function<String, ToolSpec> resolve, FileSystemWorkspace workspace) {
        List<ScanResult> results = new ArrayList<>();
        for (String tool : tools) {
            if (isBuiltIn(tool)) {
                results.add(secrets.scan(workspace, secretOptions));
                continue;
            }
            try {
                results.add(service.scan(resolve.apply(tool), workspace.root()).result());
            } catch (SecureDeployException e) {
                results.add(ScanResult.error(tool, tool, List.of(Problem.of("scan.failed", e.getMessage(),
                        Location.ofFile(tool)))));
            }
        }
        return List.copyOf(results);
    }
}
