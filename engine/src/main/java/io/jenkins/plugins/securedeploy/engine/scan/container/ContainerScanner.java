package io.jenkins.plugins.securedeploy.engine.scan.container;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The built-in hardening scanner: finds Dockerfiles ({@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile},
 * {@code Containerfile}) and Kubernetes manifests ({@code *.yaml}, {@code *.yml} with {@code apiVersion} and
 * {@code kind}) in a workspace (skipping {@code .git}, {@code node_modules} and {@code vendor}), parses them and
 * evaluates the hardening rules over the model. Results carry tool {@value #TOOL}. Fails closed: a file that
 * cannot be read, or a rule that cannot be decided, makes the result ERROR; a manifest that is not valid YAML is a
 * located problem (its other documents are still checked) and makes the result ERROR too, since its workloads are
 * unknown.
 */
public final class ContainerScanner {
    public static final String TOOL = "secure-deploy-hardening";
    static final long MAX_FILE = 4L * 1024 * 1024;

    private final ContainerRules rules;

    public ContainerScanner(ContainerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ScanResult scan(Workspace workspace, EngineLog log) {
        List<String> files;
        try {
            files = workspace.list("**");
        } catch (IOException | SecureDeployException e) {
            return ScanResult.error(TOOL, workspace.describe(), List.of(Problem.of("container.read-failed",
                    "cannot list the workspace's files (" + e.getClass().getSimpleName() + ")", Location.ofFile(""))));
        }
        List<Dockerfile> dockerfiles = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean failed = false;
        DockerfileParser dockerParser = new DockerfileParser();
        ManifestParser manifestParser = new ManifestParser();
        for (String file : files) {
            boolean docker = isDockerfile(file);
            boolean yaml = isYaml(file);
            if (!docker && !yaml || skipped(file)) {
                continue;
            }
            String text;
            try {
                if (workspace.size(file) > MAX_FILE) {
                    problems.add(Problem.of("container.skipped-too-large", "not checked (info): larger than "
                            + MAX_FILE + " bytes", Location.ofFile(file)));
                    continue;
                }
                text = new String(workspace.read(file), StandardCharsets.UTF_8);
            } catch (IOException | SecureDeployException e) {
                failed = true;
                problems.add(Problem.of("container.read-failed", "cannot read the file to check it ("
                        + e.getClass().getSimpleName() + ")", Location.ofFile(file)));
                continue;
            }
            if (docker) {
                dockerfiles.add(dockerParser.parse(text, file));
            } else if (text.contains("apiVersion") && text.contains("kind")) {
                ManifestParser.Parsed parsed = manifestParser.parse(text, file);
                workloads.addAll(parsed.workloads());
                if (!parsed.problems().isEmpty()) {
                    failed = true;
                    problems.addAll(parsed.problems());
                }
            }
        }
        ContainerRules.Result result = rules.check(new ContainerModel(dockerfiles, workloads), TOOL);
        problems.addAll(result.problems());
        failed |= !result.problems().isEmpty();
        log.info("checked %d Dockerfile(s) and %d workload(s): %d finding(s)", dockerfiles.size(), workloads.size(),
                result.findings().size());
        return new ScanResult(TOOL, "1", workspace.describe(), failed ? ScanResult.Status.ERROR : ScanResult.Status.OK,
                result.findings(), problems);
    }

    static boolean isDockerfile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("dockerfile") || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile")
                || lower.equals("containerfile");
    }

    static boolean isYaml(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static boolean skipped(String file) {
        return ("/" + file).contains("/.git/") || ("/" + file).contains("/node_modules/")
                || ("/" + file).contains("/vendor/");
    }
}
