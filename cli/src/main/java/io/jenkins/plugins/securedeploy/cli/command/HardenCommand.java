package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.policy.rules.HardeningRules;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secure-deploy harden DIR}: the built-in container/Kubernetes hardening scanner over a folder. */
@Command(name = "harden", mixinStandardHelpOptions = true,
        description = {"Check Dockerfiles and Kubernetes manifests (render Helm charts first) against the hardening "
                + "rules (CEL, docs/hardening.md).",
            "Exit 0: no finding; 1: findings; 3: a file or rule could not be checked, or bad input.",
            "Example:",
            "  helm template chart/ > rendered.yaml && secure-deploy harden . --out hardening.json"})
public final class HardenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the findings document (secure-deploy-findings) that 'secure-deploy gate' reads "
                    + "(--json prints the same document).")
    Path out;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Use this rule file instead of the built-in rules (copy and change the built-in file).")
    Path rules;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to check.")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(Problem.of("harden.no-such-directory",
                    Files.exists(dir) ? "is a file, not a directory (give the folder to check)" : "does not exist",
                    Location.ofFile(dir.toString())));
        }
        HardeningRules ruleSet = rules == null ? HardeningRules.builtIn()
                : HardeningRules.read(rules, rules.toString());
        EngineLog log = new EngineLog("[harden] ");
        ScanResult result = new ContainerScanner(ruleSet).scan(new FileSystemWorkspace(dir), log);
        byte[] document = FindingsOutput.of(List.of(result));
        if (out != null) {
            CliFiles.write(out, document, "findings document (--out)");
        }
        Output output = new Output(spec, shared);
        for (Finding f : result.findings()) {
            output.line(String.format(Locale.ROOT, "%-8s  %-32s  %s  %s", f.severity(), f.ruleId(),
                    f.location().describe(), f.title()));
        }
        for (Problem p : result.problems()) {
            output.line((result.isError() ? "error     " : "skipped   ") + p.describe());
        }
        String verdict = result.isError() ? "ERROR" : result.findings().isEmpty() ? "PASSED" : "FAILED";
        output.line(result.findings().size() + " hardening finding(s): " + output.verdict(verdict));
        output.json(document);
        return result.isError() ? ExitCode.ERROR : result.findings().isEmpty() ? ExitCode.PASS : ExitCode.GATE_FAILED;
    }
}
