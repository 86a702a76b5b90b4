package io.jenkins.plugins.securedeploy.jenkins.scan;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.runner.DefaultToolSpecs;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ExitCodePolicy;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolSpec;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which command runs a scanner named in {@code runScanners(tools: [...])} (Jenkins-free). The built-in secret
 * scanner ({@code secure-deploy-secrets}) has no command and never comes here ({@link
 * io.jenkins.plugins.securedeploy.engine.scan.runner.WorkspaceScanner#isBuiltIn}). A tool must be configured by the
 * admin (Manage Jenkins » Security » Secure Deploy » scanners) or have an engine default
 * ({@link DefaultToolSpecs}); anything else is refused, naming the known tools.
 * <ul>
 *   <li>configured + engine default (bandit, shellcheck): the engine's flags and exit codes; the configured
 *       arguments are the targets and the configured executable replaces the tool name;</li>
 *   <li>configured only: {@code executable arguments...}, report read from stdout, exit 0 = clean, 1 = findings;</li>
 *   <li>engine default only: bandit scans {@code -r .}; shellcheck needs configured arguments (the files).</li>
 * </ul>
 */
final class ScannerSpecs {
    private ScannerSpecs() {}

    static ToolSpec resolve(String toolId, List<ScannerSetting> configured) {
        ScannerSetting setting = configured.stream().filter(s -> s.toolId.equals(toolId)).findFirst().orElse(null);
        if (setting != null) {
            Duration timeout = Duration.ofSeconds(setting.timeoutSeconds);
            Optional<ToolSpec> base = DefaultToolSpecs.find(toolId, setting.arguments, timeout);
            String exe = setting.executable.isEmpty() ? toolId : setting.executable;
            if (base.isPresent()) {
                ToolSpec b = base.get();
                return new ToolSpec(toolId, exe, b.args(), b.reportFile(), b.exitPolicy(), timeout);
            }
            return ToolSpec.stdoutReport(toolId, exe, setting.arguments, ExitCodePolicy.zeroOr(1), timeout);
        }
        if (toolId.equals("bandit")) {
            return DefaultToolSpecs.bandit(List.of("-r", "."), ToolSpec.DEFAULT_TIMEOUT);
        }
        List<String> known = new ArrayList<>();
        known.add(SecretScanner.TOOL);
        configured.forEach(s -> known.add(s.toolId));
        known.add("bandit");
        String hint = DefaultToolSpecs.ids().contains(toolId)
                ? "; " + toolId + " needs its arguments (the files to scan) configured by an administrator"
                : "";
        throw new InvalidInputException(Problem.of("scan.unknown-tool", "scanner '" + toolId
                + "' is not configured in Manage Jenkins » Security » Secure Deploy" + hint + "; available: " + known,
                Location.ofFile("runScanners")));
    }
}
