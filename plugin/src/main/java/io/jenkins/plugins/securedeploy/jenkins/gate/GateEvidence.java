package io.jenkins.plugins.securedeploy.jenkins.gate;

import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.jenkins.sbom.SbomAction;
import java.util.ArrayList;
import java.util.List;

/** The evidence recorded on the run so far, as gate facts and report entries. Jenkins-free. */
final class GateEvidence {
    private GateEvidence() {}

    static EvidenceFacts facts(List<SbomAction> sboms) {
        return new EvidenceFacts(!sboms.isEmpty(), false, false, false);
    }

    /** One entry per SBOM (name = archived path, digest), or one "not provided" entry. */
    static List<EvidenceEntry> entries(List<SbomAction> sboms) {
        List<EvidenceEntry> out = new ArrayList<>();
        for (SbomAction s : sboms) {
            out.add(new EvidenceEntry("sbom", s.getArchivePath(), s.getSha256(),
                    "present (" + s.getFormat() + " " + s.getSpecVersion() + ", " + s.getComponents()
                            + " components)"));
        }
        if (sboms.isEmpty()) {
            out.add(new EvidenceEntry("sbom", "SBOM", "", "not provided"));
        }
        out.add(new EvidenceEntry("signature", "artifact signature", "", "not provided"));
        return out;
    }
}
