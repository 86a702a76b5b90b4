package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence rows of a gate report, derived once from what the gate decided on (so no host lists them): the
 * host's extra rows (artifacts and their digests), one row per SBOM, one per signature and provenance verification
 * (its headline), and the approvals fact; a kind without evidence says "not provided".
 */
final class EvidenceEntries {
    private EvidenceEntries() {}

    static List<EvidenceEntry> of(List<EvidenceEntry> extra, List<SbomSummary> sboms, EvidenceFacts facts) {
        List<EvidenceEntry> out = new ArrayList<>(extra);
        for (SbomSummary s : sboms) {
            out.add(new EvidenceEntry("sbom", s.file() + " (" + s.format() + " " + s.specVersion() + ", "
                    + s.componentCount() + " components)", s.sha256().toString(), "present"));
        }
        if (sboms.isEmpty()) {
            out.add(new EvidenceEntry("sbom", "SBOM", "", facts.sbomPresent() ? "present" : "not provided"));
        }
        verifications(out, "signature", "artifact signature", facts.signatures());
        verifications(out, "provenance", "provenance", facts.provenance());
        out.add(new EvidenceEntry("approvals", "approvals", "", facts.approvalsMet() ? "met" : "not provided"));
        return List.copyOf(out);
    }

    private static void verifications(List<EvidenceEntry> out, String kind, String name,
            List<VerificationResult> results) {
        if (results.isEmpty()) {
            out.add(new EvidenceEntry(kind, name, "", "not provided"));
        }
        for (VerificationResult r : results) {
            String digest = r.subjectDigests().map(d -> d.sha256().toString()).orElse("");
            out.add(new EvidenceEntry(kind, r.family() + " " + r.subject(), digest, r.headline()));
        }
    }
}
