package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every approver is shown and votes on (the approval predicate's {@code shown} block): the artifact's digests,
 * the gate's verdict and reasons, the findings per severity, the waivers that suppressed findings, and the SBOM and
 * provenance digests where recorded. A vote is bound to its {@link #fingerprint()}: when any of this changes, votes
 * cast on the old one no longer count.
 */
public record Shown(DigestSet artifactDigest, Verdict gateVerdict, List<String> gateReasons,
        Map<Severity, Integer> findingsSummary, List<String> waiversApplied, Optional<DigestSet> sbomDigest,
        Optional<DigestSet> provenanceDigest) {
    public Shown {
        Objects.requireNonNull(artifactDigest, "artifactDigest");
        Objects.requireNonNull(gateVerdict, "gateVerdict");
        gateReasons = gateReasons == null ? List.of() : List.copyOf(gateReasons);
        EnumMap<Severity, Integer> summary = new EnumMap<>(Severity.class);
        if (findingsSummary != null) {
            findingsSummary.forEach((k, v) -> {
                if (v == null || v < 0) {
                    throw new IllegalArgumentException("finding counts are >= 0");
                }
                if (v > 0) {
                    summary.put(Objects.requireNonNull(k, "severity"), v);
                }
            });
        }
        findingsSummary = java.util.Collections.unmodifiableMap(summary);
        waiversApplied = waiversApplied == null ? List.of() : List.copyOf(new LinkedHashSet<>(waiversApplied));
        sbomDigest = sbomDigest == null ? Optional.empty() : sbomDigest;
        provenanceDigest = provenanceDigest == null ? Optional.empty() : provenanceDigest;
    }

    /** Just the artifact and a verdict, nothing else shown. */
    public static Shown of(DigestSet artifactDigest, Verdict gateVerdict) {
        return new Shown(artifactDigest, gateVerdict, List.of(), Map.of(), List.of(), Optional.empty(),
                Optional.empty());
    }

    /**
     * What a gate decision shows: its verdict, each reason ({@link GateReason#describe()}, plus the accepted
     * override), the count of every finding per severity, and the waivers that suppressed at least one finding.
     * {@code sbom} and {@code provenance} may be null.
     */
    public static Shown of(DigestSet artifactDigest, GateDecision gate, DigestSet sbom, DigestSet provenance) {
        List<String> reasons = new ArrayList<>(gate.reasons().stream().map(GateReason::describe).toList());
        gate.override().ifPresent(o -> reasons.add("OVERRIDDEN by " + o.person() + " until " + o.expires() + ": "
                + o.reason()));
        EnumMap<Severity, Integer> summary = new EnumMap<>(Severity.class);
        LinkedHashSet<String> waivers = new LinkedHashSet<>();
        for (FindingOutcome f : gate.findings()) {
            summary.merge(f.finding().severity(), 1, Integer::sum);
            f.waiver().map(Shown::waiverId).ifPresent(waivers::add);
        }
        return new Shown(artifactDigest, gate.verdict(), reasons, summary, List.copyOf(waivers),
                Optional.ofNullable(sbom), Optional.ofNullable(provenance));
    }

    /** A waiver's id in {@link #waiversApplied}: {@code <kind>:<value>}, with {@code #<tool>} when it names one. */
    public static String waiverId(Waiver w) {
        return w.kind().key() + ":" + w.value() + (w.tool() == null ? "" : "#" + w.tool());
    }

    public Shown withArtifactDigest(DigestSet digest) {
        return new Shown(digest, gateVerdict, gateReasons, findingsSummary, waiversApplied, sbomDigest,
                provenanceDigest);
    }

    /**
     * SHA-256 over an unambiguous encoding of every field (each value length-prefixed, fields in a fixed order), so
     * two different blocks never share a fingerprint. Stable across versions: it is stored next to every vote.
     */
    public Digest fingerprint() {
        StringBuilder sb = new StringBuilder("secure-deploy/approval-shown/v1");
        field(sb, "artifactDigest", digests(artifactDigest));
        field(sb, "gateVerdict", gateVerdict.name());
        field(sb, "gateReasons", String.valueOf(gateReasons.size()));
        gateReasons.forEach(r -> field(sb, "-", r));
        findingsSummary.forEach((s, n) -> field(sb, s.name(), String.valueOf(n)));
        field(sb, "waiversApplied", String.valueOf(waiversApplied.size()));
        waiversApplied.forEach(w -> field(sb, "-", w));
        field(sb, "sbomDigest", sbomDigest.map(Shown::digests).orElse(""));
        field(sb, "provenanceDigest", provenanceDigest.map(Shown::digests).orElse(""));
        return Hashing.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:ab12... PASSED, 3 findings, 1 waiver}. */
    public String describe() {
        int findings = findingsSummary.values().stream().mapToInt(Integer::intValue).sum();
        return artifactDigest.digests().values().iterator().next() + " gate " + gateVerdict + ", " + findings
                + " finding(s), " + waiversApplied.size() + " waiver(s)";
    }

    private static String digests(DigestSet set) {
        StringBuilder sb = new StringBuilder();
        set.digests().values().forEach(d -> sb.append(d).append(' '));
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append('\n').append(name).append(' ').append(value.length()).append(':').append(value);
    }
}
