package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.deploy.Environment;
import io.jenkins.plugins.securedeploy.engine.deploy.EnvironmentsReader;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ReadFilesTask;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small files a deployment decides on, read on the agent: the policy (its {@code environments}), the
 * environment's own policy (relative to the project policy's folder, as the CLI reads it) and the signature files;
 * the artifact is only checked to exist (it is streamed). Refused or missing files fail the build naming each.
 */
final class DeployInputs {
    /** Policy, signature and provenance files larger than this are refused. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ReadFilesTask.Files files;
    private final Environment environment;
    private final NamedBytes gatePolicy;
    private final String digest;

    private DeployInputs(ReadFilesTask.Files files, Environment environment, NamedBytes gatePolicy, String digest) {
        this.files = files;
        this.environment = environment;
        this.gatePolicy = gatePolicy;
        this.digest = digest;
    }

    /**
     * @throws AbortException for missing parameters, and (the build FAILURE) when a file is missing, too large or
     *     outside the workspace
     * @throws InvalidInputException naming the policy field (an undeclared environment, an invalid entry)
     */
    static DeployInputs read(DeployAsk ask, FilePath workspace, StepResultHandler result)
            throws IOException, InterruptedException {
        if (ask.environment.isEmpty() || ask.artifact.isEmpty() || ask.command.isEmpty() != ask.body) {
            throw new AbortException(ask.body ? "secureDeploy needs environment: 'name' and artifact: 'file in "
                    + "the workspace', and runs its { } block as the deploy body (no command)"
                    : "secureDeployCommand needs environment: 'name', artifact: 'file in the workspace' and command: 'the "
                    + "deploy command'");
        }
        AgentWorkspace agent = new AgentWorkspace(workspace);
        boolean defaultPolicy = SecureDeployStep.DEFAULT_POLICY.equals(ask.policy);
        List<String> required = new ArrayList<>(defaultPolicy ? List.of() : List.of(ask.policy));
        required.addAll(ask.signatures());
        ReadFilesTask.Files files = agent.act(new ReadFilesTask(required,
                defaultPolicy ? List.of(ask.policy) : List.of(), ask.artifact, MAX_BYTES));
        refuse(result, files);
        byte[] policyBytes = files.content(ask.policy);
        NamedBytes policy = policyBytes == null ? null : new NamedBytes(ask.policy, policyBytes);
        Environment env = environment(ask, policy);
        NamedBytes gatePolicy = policy;
        if (!env.policy().isEmpty()) {
            int slash = ask.policy.lastIndexOf('/');
            String path = (slash < 0 ? "" : ask.policy.substring(0, slash + 1)) + env.policy();
            ReadFilesTask.Files own = agent.act(new ReadFilesTask(List.of(path), List.of(), "", MAX_BYTES));
            refuse(result, own);
            gatePolicy = new NamedBytes(path, own.content(path));
        }
        String digest = (policy == null ? "no policy" : ask.policy + " " + Hashing.sha256(policy.content()))
                + (gatePolicy == policy ? "" : "; " + gatePolicy.name() + " " + Hashing.sha256(gatePolicy.content()));
        return new DeployInputs(files, env, gatePolicy, digest);
    }

    Environment environment() {
        return environment;
    }

    /** The policy the gate decides with: the environment's own, else the project's ({@code null}: none). */
    NamedBytes gatePolicy() {
        return gatePolicy;
    }

    /** A signature or provenance file the step named. */
    byte[] file(String path) {
        return files.content(path);
    }

    /** The policy files by SHA-256, as one line (compared after an approval wait). */
    String digest() {
        return digest;
    }

    private static Environment environment(DeployAsk ask, NamedBytes policy) {
        Map<String, Environment> envs = policy == null ? Map.of()
                : new EnvironmentsReader().read(policy.content(), policy.name());
        if (!envs.isEmpty() && !envs.containsKey(ask.environment)) {
            throw new InvalidInputException(Problem.of("deploy.environment", "environment '" + ask.environment
                    + "' is not declared (declared: " + String.join(", ", envs.keySet()) + ")",
                    Location.ofPointer(policy.name(), "/environments", 0, 0)));
        }
        return envs.getOrDefault(ask.environment, Environment.open(ask.environment));
    }

    private static void refuse(StepResultHandler result, ReadFilesTask.Files read) throws AbortException {
        if (!read.refused().isEmpty()) {
            throw result.fail(Result.FAILURE, "secureDeploy ERROR: input refused", String.join("\n",
                    read.refusals()));
        }
    }
}
