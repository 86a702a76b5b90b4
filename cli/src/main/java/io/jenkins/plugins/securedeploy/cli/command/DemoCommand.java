package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.DemoDeployment;
import io.jenkins.plugins.securedeploy.cli.DemoJob;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.gate.DecisionPresenter;
import io.jenkins.plugins.securedeploy.engine.gate.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy demo}: the main job on the sample project — digests, scanners, SBOM, gate, report — with a
 * deploy token injected the way a CI would, masked in everything printed and written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the full secure-delivery job on the sample project: record artifact digests, scan "
                + "(built-in secrets, bandit, shellcheck), generate the SBOM, gate on the project's policy and write "
                + "the gate report.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--samples", defaultValue = "samples",
            description = "Folder holding the sample project 'app' (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--out", defaultValue = "target/secure-deploy-demo",
            description = "Output folder for evidence and the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tool-timeout", defaultValue = "2m", paramLabel = "DURATION",
            description = "Timeout per scanner, e.g. 90s, 5m, 1h or ISO-8601 PT2M (default: ${DEFAULT-VALUE}).")
    Duration toolTimeout;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Output output = new Output(spec, shared);
        boolean json = shared.json();
        Path app = samples.resolve("app");
        if (!Files.isDirectory(app)) {
            throw new InvalidInputException(Problem.of("demo.samples-missing",
                    "sample project not found; run from the repository root or pass --samples",
                    Location.ofFile(app.toString())));
        }
        SecretValue token = deployToken();
        SecretMasker masker = SecretMasker.of(List.of(token));
        PrintWriter console = new PrintWriter(masker.wrap(spec.commandLine().getOut()), true);
        if (!json) {
            console.println("deploy token injected for this job: " + token.reveal() + " (masked everywhere)");
        }
        DemoJob.Result result;
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "scanning")) {
            result = new DemoJob(Clock.systemUTC()).run(
                    new DemoJob.Request(app, out, toolTimeout, List.of(token)), line -> {
                        if (!json) {
                            console.println(line);
                        }
                    });
        }
        GateDecision d = result.gate().decision();
        output.line("");
        output.line("Gate " + output.verdict(d.verdict().name()) + DecisionPresenter.overrideSuffix(d));
        DecisionPresenter.lines(d).forEach(output::line);
        output.line("");
        output.line("Deployment to prod (verify, gate, approve, credentials, deploy, revoke, attest, record):");
        String artifact = result.artifacts().get(0).name();
        DemoDeployment.Result deployment = new DemoDeployment(Clock.systemUTC()).run(ArtifactSource.of(
                app.resolve(artifact), artifact), result.request(), out, List.of(token), output::line);
        deployment.state().results().forEach(r -> output.line("  " + r.describe()));
        output.line(deployment.outcome().reason());
        if (!deployment.state().credentialsIssued()) {
            output.line("No credentials were issued. Fix what the report says (What to do next), then run the demo "
                    + "again.");
        }
        output.line("");
        output.line("SBOM:   " + result.sbom());
        output.line("Report: " + result.report().toUri());
        output.line("Bundle: " + deployment.bundle() + " (check it offline: secure-deploy verify-bundle "
                + deployment.bundle() + ".tar.gz --keyid " + deployment.keyId() + ")");
        console.flush();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("verdict", d.verdict().name());
        doc.put("reasons", d.reasons().stream().map(GateReason::describe).toList());
        doc.put("report", result.report().toString());
        doc.put("sbom", result.sbom().toString());
        doc.put("deployment", deployment.outcome().status().name());
        doc.put("deploymentReason", deployment.outcome().reason());
        doc.put("bundle", deployment.bundle().toString());
        output.document(doc);
        return ExitCode.of(d) == io.jenkins.plugins.securedeploy.engine.gate.ExitCode.PASSED
                ? deployment.outcome().exitCode().code() : ExitCode.of(d).code();
    }

    /** DEMO_DEPLOY_TOKEN from the environment, or a fresh random one. */
    private static SecretValue deployToken() {
        String fromEnv = System.getenv("DEMO_DEPLOY_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return SecretValue.of(fromEnv);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return SecretValue.of("demo-" + HexFormat.of().formatHex(random));
    }
}
