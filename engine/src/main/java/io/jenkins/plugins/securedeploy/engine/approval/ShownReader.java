package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what approvers are shown, in the approval predicate's {@code shown} shape: {@code artifactDigest} (digest
 * map, required), {@code gateVerdict} (PASSED / FAILED / ERROR, required), {@code gateReasons},
 * {@code findingsSummary} (severity to count), {@code waiversApplied}, {@code sbomDigest}, {@code provenanceDigest}.
 */
public final class ShownReader {
    static final Set<String> FIELDS = Set.of("artifactDigest", "gateVerdict", "gateReasons", "findingsSummary",
            "waiversApplied", "sbomDigest", "provenanceDigest");

    public Shown read(Path file, String displayName) {
        LocatedTree tree = LocatedTree.read(ApprovalRuleReader.bytes(file, displayName), displayName,
                ApprovalRuleReader.isYaml(file));
        FieldReader r = new FieldReader(tree, "approval.shown");
        Shown shown = read(r, tree.root(), "");
        LocatedTree.failIfAny(r.problems());
        return shown;
    }

    static Shown read(FieldReader r, JsonNode node, String pointer) {
        if (!r.object(node, pointer, FIELDS)) {
            return null;
        }
        int before = r.problems().size();
        DigestSet artifact = r.digestSet(node, "artifactDigest", pointer, true);
        String verdictText = r.text(node, "gateVerdict", pointer, null, true);
        Verdict verdict = null;
        if (verdictText != null) {
            try {
                verdict = Verdict.valueOf(verdictText);
            } catch (IllegalArgumentException e) {
                r.problem("verdict", "must be PASSED, FAILED or ERROR", pointer + "/gateVerdict");
            }
        }
        List<String> reasons = r.strings(node, "gateReasons", pointer, false);
        Map<Severity, Integer> summary = summary(r, node.get("findingsSummary"), pointer + "/findingsSummary");
        List<String> waivers = r.strings(node, "waiversApplied", pointer, false);
        DigestSet sbom = r.digestSet(node, "sbomDigest", pointer, false);
        DigestSet provenance = r.digestSet(node, "provenanceDigest", pointer, false);
        if (r.problems().size() > before) {
            return null;
        }
        return new Shown(artifact, verdict, reasons, summary, waivers, Optional.ofNullable(sbom),
                Optional.ofNullable(provenance));
    }

    private static Map<Severity, Integer> summary(FieldReader r, JsonNode n, String pointer) {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            r.problem("type", "must map severities to counts", pointer);
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<Severity> s = Severity.parse(e.getKey());
            if (s.isEmpty() || !s.get().name().equals(e.getKey())) {
                r.problem("severity", "keys are CRITICAL, HIGH, MEDIUM, LOW, INFO or UNKNOWN", pointer + "/"
                        + e.getKey());
            } else if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()
                    || e.getValue().intValue() < 0) {
                r.problem("type", "counts are integers >= 0", pointer + "/" + e.getKey());
            } else {
                out.put(s.get(), e.getValue().intValue());
            }
        }
        return out;
    }
}
