package io.jenkins.plugins.securedeploy.engine.scan.runner;

import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.Objects;

/** One scanner run and what its report said. {@code run} is already sanitized (safe to print). */
public record ToolScan(ToolRun run, ScanResult result) {
    public ToolScan {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(result, "result");
    }
}
