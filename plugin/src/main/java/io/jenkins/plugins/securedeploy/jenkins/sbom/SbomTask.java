package io.jenkins.plugins.securedeploy.jenkins.sbom;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.sbom.GeneratedSbom;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentTask;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs on the agent: either ingests an existing SBOM (validated by the engine; an invalid one is refused with every
 * problem) or generates a CycloneDX SBOM from lockfiles, describing the artifacts matched by a glob by digest.
 */
final class SbomTask implements AgentTask<SbomOutcome> {
    private static final long serialVersionUID = 1L;
    static final String GENERATED_NAME = "sbom.cdx.json";

    private final ArrayList<String> lockfiles;
    private final String artifacts;
    private final String ingest;
    private final String spec;
    private final String project;

    SbomTask(List<String> lockfiles, String artifacts, String ingest, String spec, String project) {
        this.lockfiles = new ArrayList<>(lockfiles);
        this.artifacts = artifacts;
        this.ingest = ingest;
        this.spec = spec;
        this.project = project;
    }

    @Override
    public SbomOutcome run(Workspace workspace) throws IOException {
        String name = ingest.isEmpty() ? GENERATED_NAME : ingest;
        try {
            if (!ingest.isEmpty()) {
                SbomSummary summary = new SbomIngest().ingest(workspace, ingest);
                return outcome(fileName(ingest), workspace.read(ingest), summary);
            }
            GeneratedSbom sbom = SbomGenerator.system().generate(workspace, lockfiles, artifactRefs(workspace),
                    SbomOptions.defaults().withSpecVersion(spec).withProject(project, ""));
            return outcome(GENERATED_NAME, sbom.json(), sbom.summary());
        } catch (InvalidInputException e) {
            return SbomOutcome.refused(name, e.problems().stream().map(Problem::describe).toList());
        } catch (SecureDeployException e) {
            return SbomOutcome.refused(name, List.of(e.getMessage()));
        }
    }

    private List<ArtifactRef> artifactRefs(Workspace workspace) throws IOException {
        List<ArtifactRef> refs = new ArrayList<>();
        if (artifacts.isEmpty()) {
            return refs;
        }
        for (String path : workspace.list(artifacts)) {
            try (InputStream in = workspace.open(path)) {
                DigestSet digests = Hashing.stream(in, Set.of(DigestAlgorithm.SHA256));
                refs.add(new ArtifactRef(path, digests, workspace.size(path)));
            }
        }
        return refs;
    }

    private static SbomOutcome outcome(String fileName, byte[] content, SbomSummary s) {
        return new SbomOutcome(fileName, content, s.format().displayName(), s.specVersion(), s.serialNumber(),
                s.sha256().toString(), s.componentCount(), List.of());
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
