package io.jenkins.plugins.securedeploy.engine.scan.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to run the scanners whose command line and exit codes we know, given the caller's target arguments:
 * <ul>
 *   <li>{@code bandit -f json -q <args>}: report on stdout; exit 0 = no issues, 1 = issues found, anything else
 *       (2 = bad arguments, a Python traceback) is a crash;</li>
 *   <li>{@code shellcheck -f json1 <args>}: report on stdout; exit 0 = clean, 1 = comments found, 2 = some files
 *       could not be processed, 3 = bad syntax/options, 4 = bad options — crashes.</li>
 * </ul>
 */
public final class DefaultToolSpecs {
    private DefaultToolSpecs() {}

    public static ToolSpec bandit(List<String> targetArgs, Duration timeout) {
        return ToolSpec.stdoutReport("bandit", "bandit", concat(List.of("-f", "json", "-q"), targetArgs),
                ExitCodePolicy.zeroOr(1), timeout);
    }

    public static ToolSpec shellcheck(List<String> targetArgs, Duration timeout) {
        return ToolSpec.stdoutReport("shellcheck", "shellcheck", concat(List.of("-f", "json1"), targetArgs),
                ExitCodePolicy.zeroOr(1), timeout);
    }

    /** The default spec for {@code toolId}, if there is one. */
    public static Optional<ToolSpec> find(String toolId, List<String> targetArgs, Duration timeout) {
        return switch (toolId) {
            case "bandit" -> Optional.of(bandit(targetArgs, timeout));
            case "shellcheck" -> Optional.of(shellcheck(targetArgs, timeout));
            default -> Optional.empty();
        };
    }

    /** Tool ids with a default spec. */
    public static List<String> ids() {
        return List.of("bandit", "shellcheck");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
