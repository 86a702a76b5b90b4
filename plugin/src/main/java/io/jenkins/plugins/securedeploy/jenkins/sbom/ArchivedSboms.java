package io.jenkins.plugins.securedeploy.jenkins.sbom;

import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The SBOMs {@code recordSbom} archived in a build ({@link SbomAction}s), read back from the artifact manager and
 * validated again by the engine: the SBOM evidence every gate of the build decides on (securityGate, secureDeploy).
 */
public final class ArchivedSboms {
    private ArchivedSboms() {}

    public static List<SbomSummary> of(Run<?, ?> run) throws IOException {
        List<SbomSummary> out = new ArrayList<>();
        SbomIngest ingest = new SbomIngest();
        for (SbomAction sbom : run.getActions(SbomAction.class)) {
            try (InputStream in = run.getArtifactManager().root().child(sbom.getArchivePath()).open()) {
                out.add(ingest.ingest(SbomSource.ofBytes(sbom.getArchivePath(), in.readAllBytes())));
            }
        }
        return out;
    }
}
