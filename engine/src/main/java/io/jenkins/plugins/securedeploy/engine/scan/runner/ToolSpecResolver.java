package io.jenkins.plugins.securedeploy.engine.scan.runner;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which command runs a scanner a host names by id (the Jenkins {@code runScanners(tools: [...])} step, a deployment's
 * scan phase). The built-in secret scanner ({@value SecretScanner#TOOL}) has no command and never comes here
 * ({@link WorkspaceScanner#isBuiltIn}). A tool must be configured or have an engine default ({@link DefaultToolSpecs});
 * anything else is refused, naming the known tools and where tools are configured.
 * <ul>
 *   <li>configured + engine default (bandit, shellcheck): the engine's flags and exit codes; the configured
 *       arguments are the targets and the configured executable replaces the tool name;</li>
 *   <li>configured only: {@code executable arguments...}, report read from stdout, exit 0 = clean, 1 = findings;</li>
 *   <li>engine default only: bandit scans {@code -r .}; shellcheck needs configured arguments (the files).</li>
 * </ul>
 */
public final class ToolSpecResolver implements Function<String, ToolSpec> {
    private final List<ConfiguredScanner> configured;
    private final String configuredIn;

    /** {@code configuredIn} says where an administrator configures tools (for the refusal message). */
    public ToolSpecResolver(List<ConfiguredScanner> configured, String configuredIn) {
        this.configured = List.copyOf(configured);
        this.configuredIn = Objects.requireNonNull(configuredIn, "configuredIn");
    }

    /**
     * The spec for {@code toolId}.
     *
     * @throws InvalidInputException naming the tool and the ones that are available
     */
    @Override
    public ToolSpec apply(String toolId) {
        ConfiguredScanner setting = configured.stream().filter(s -> s.toolId().equals(toolId)).findFirst()
                .orElse(null);
        if (setting != null) {
            Optional<ToolSpec> base = DefaultToolSpecs.find(toolId, setting.arguments(), setting.timeout());
            String exe = setting.executable().isEmpty() ? toolId : setting.executable();
            if (base.isPresent()) {
                ToolSpec b = base.get();
                return new ToolSpec(toolId, exe, b.args(), b.reportFile(), b.exitPolicy(), setting.timeout());
            }
            return ToolSpec.stdoutReport(toolId, exe, setting.arguments(), ExitCodePolicy.zeroOr(1),
                    setting.timeout());
        }
        if (toolId.equals("bandit")) {
            return DefaultToolSpecs.bandit(List.of("-r", "."), ToolSpec.DEFAULT_TIMEOUT);
        }
        List<String> known = new ArrayList<>();
        known.add(SecretScanner.TOOL);
        configured.forEach(s -> known.add(s.toolId()));
        known.add("bandit");
        String hint = DefaultToolSpecs.ids().contains(toolId)
                ? "; " + toolId + " needs its arguments (the files to scan) configured by an administrator"
                : "";
        throw new InvalidInputException(Problem.of("scan.unknown-tool", "scanner '" + toolId
                + "' is not configured in " + configuredIn + hint + "; available: " + known,
                Location.ofFile("scanners")));
    }
}
