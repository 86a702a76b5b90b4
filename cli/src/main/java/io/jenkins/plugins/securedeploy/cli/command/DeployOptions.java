package io.jenkins.plugins.securedeploy.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code deploy}, {@code promote} and {@code rollback} share: the artifact, its evidence, the keys, CMD. */
public final class DeployOptions {
    @Option(names = "--artifact", required = true, paramLabel = "FILE", description = "The artifact deployed "
            + "(hashed, streamed; its SHA-256 is what promotion and rollback follow).")
    Path artifact;

    @Option(names = "--policy", paramLabel = "FILE", description = "Project policy with its environments "
            + "(default: .secure-deploy.yml when it exists, else the secure defaults).")
    Path policy;

    @Option(names = "--floor", paramLabel = "FILE", description = "Admin floor policy the project policy may not "
            + "weaken.")
    Path floor;

    @Option(names = "--report", paramLabel = "[TOOL=]FILE", description = "Scan report or findings document to "
            + "gate on (repeatable; format detected unless TOOL= names it).")
    List<String> reports = new ArrayList<>();

    @Option(names = "--sbom", paramLabel = "FILE", description = "The build's SBOM (repeatable).")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--signature", paramLabel = "FILE", description = "Signature or provenance evidence of the "
            + "artifact (repeatable; any family 'verify' knows).")
    List<Path> signatures = new ArrayList<>();

    @Option(names = "--trust-key", paramLabel = "FILE", description = "Public key (PEM) signatures are checked "
            + "with (repeatable).")
    List<Path> trustKeys = new ArrayList<>();

    @Option(names = "--digest", paramLabel = "sha256:HEX", description = "The digest the build recorded: the "
            + "artifact must have it.")
    String digest;

    @Option(names = "--key-file", paramLabel = "FILE", description = "PEM private key that signs attestations, "
            + "the bundle manifest and the audit checkpoints.")
    Path keyFile;

    @Option(names = "--key-env", paramLabel = "NAME", description = "Environment variable holding that PEM key.")
    String keyEnv;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".secure-deploy", description = "Audit log, "
            + "deployment states, approvals and evidence (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--id", paramLabel = "ID", description = "Deployment id (default: BUILD_TAG, GITHUB_RUN_ID or "
            + "a random id).")
    String id;

    @Option(names = "--resume", paramLabel = "ID", description = "Continue deployment ID from its saved state "
            + "(after its approval was decided).")
    String resume;

    @Option(names = "--actor", paramLabel = "USER", description = "Who deploys (default: $USER); may not approve "
            + "the deployment.")
    String actor;


    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The deploy command and its arguments, after --.")
    List<String> command = new ArrayList<>();
}
