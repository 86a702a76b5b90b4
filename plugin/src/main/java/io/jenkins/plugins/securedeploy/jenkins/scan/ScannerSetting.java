package io.jenkins.plugins.securedeploy.jenkins.scan;

import io.jenkins.plugins.securedeploy.engine.scan.runner.ConfiguredScanner;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolSpecResolver;
import io.jenkins.plugins.securedeploy.jenkins.config.FloorValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One admin-configured scanner as plain serializable data, sent to the agent with the scan task. */
final class ScannerSetting implements Serializable {
    private static final long serialVersionUID = 1L;

    final String toolId;
    final String executable;
    final ArrayList<String> arguments;
    final int timeoutSeconds;

    ScannerSetting(String toolId, String executable, List<String> arguments, int timeoutSeconds) {
        this.toolId = toolId;
        this.executable = executable == null ? "" : executable;
        this.arguments = new ArrayList<>(arguments);
        this.timeoutSeconds = timeoutSeconds;
    }

    static ScannerSetting of(FloorValues.ScannerDefault d) {
        return new ScannerSetting(d.toolId(), d.executable(), d.arguments(), d.timeoutSeconds());
    }

    /** Where an administrator configures scanners (named when a step asks for an unknown one). */
    static final String CONFIGURED_IN = "Manage Jenkins » Security » Secure Deploy";

    /** The engine's resolver of tool ids to commands over these settings. */
    static ToolSpecResolver resolver(List<ScannerSetting> settings) {
        return new ToolSpecResolver(settings.stream().map(s -> new ConfiguredScanner(s.toolId, s.executable,
                s.arguments, Duration.ofSeconds(s.timeoutSeconds))).toList(), CONFIGURED_IN);
    }
}
