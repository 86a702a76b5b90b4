package io.jenkins.plugins.securedeploy.engine.host;

import java.io.IOException;
import java.util.List;

/**
 * Archives evidence (reports, SBOMs, attestations) with the build and fingerprints it. Hosts mask content before it
 * is stored. Names are archive-relative paths and follow {@link WorkspacePaths} rules.
 */
public interface EvidenceStore {
    EvidenceRef store(String name, String mediaType, byte[] content) throws IOException;

    List<EvidenceRef> list();
}
