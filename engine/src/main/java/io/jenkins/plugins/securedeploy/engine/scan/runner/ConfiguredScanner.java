package io.jenkins.plugins.securedeploy.engine.scan.runner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scanner as an administrator configured it: the tool id (from the registry), the executable ("" = the tool id
 * on the PATH), its arguments and its timeout. {@link ToolSpecResolver} turns it into a {@link ToolSpec}.
 */
public record ConfiguredScanner(String toolId, String executable, List<String> arguments, Duration timeout) {
    public ConfiguredScanner {
        Objects.requireNonNull(toolId, "toolId");
        executable = executable == null ? "" : executable.trim();
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(timeout, "timeout");
    }
}
