package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code secure-deploy demo}: the main job on the sample project. Grows with each capability; today it records the
 * digests of the sample's build artifacts as evidence.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the full secure-delivery job on the sample project and write its evidence and report.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--samples", defaultValue = "samples", description = "Sample project folder (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--out", defaultValue = "target/secure-deploy-demo",
            description = "Output folder for evidence and reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Output output = new Output(spec, json);
        Path app = samples.resolve("app");
        if (!Files.isDirectory(app)) {
            throw new InvalidInputException(Problem.of("demo.samples-missing",
                    "sample project not found; run from the repository root or pass --samples",
                    Location.ofFile(app.toString())));
        }
        FileSystemWorkspace workspace = new FileSystemWorkspace(app);
        Map<String, Object> artifacts = new LinkedHashMap<>();
        List<String> dist = workspace.list("dist/**");
        for (String artifact : dist) {
            DigestSet digests = Hashing.file(workspace.localPath(artifact).orElseThrow());
            artifacts.put(artifact, digests.sha256().toString());
            output.line("artifact  " + digests.sha256() + "  " + artifact);
        }
        Files.createDirectories(out);
        Map<String, Object> evidence = Map.of("artifacts", artifacts);
        Files.write(out.resolve("artifacts.json"),
                Json.strict().mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(evidence));
        output.line("evidence written to " + out.resolve("artifacts.json"));
        output.document(evidence);
        return ExitCode.PASS;
    }
}
