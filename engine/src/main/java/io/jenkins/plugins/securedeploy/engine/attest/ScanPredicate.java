package io.jenkins.plugins.securedeploy.engine.attest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The scan-results predicate ({@link #PREDICATE_TYPE}): the gate's decision about the subjects, the finding counts
 * per severity, the reports it was reached on (name + digest), the policy (name + digest) and the waivers applied.
 *
 * <pre>{@code
 * {"gateVerdict": "PASSED", "allowsDeployment": true, "reasons": [],
 *  "findingsBySeverity": {"CRITICAL": 0, "HIGH": 1, ...},
 *  "reports": [{"name": "gate-report.json", "digest": {"sha256": "..."}}],
 *  "policy": {"name": ".secure-deploy.yml", "digest": {"sha256": "..."}},
 *  "waiversApplied": ["id:CVE-2024-1234"], "evaluatedAt": "2026-12-01T10:00:00Z"}
 * }</pre>
 */
public record ScanPredicate(String gateVerdict, boolean allowsDeployment, List<String> reasons,
        Map<String, Long> findingsBySeverity, List<ResourceDescriptor> reports, ResourceDescriptor policy,
        List<String> waiversApplied, String evaluatedAt) {
    public static final String PREDICATE_TYPE = "https://secure-deploy.jenkins.io/scan-results/v1";

    public ScanPredicate {
        Objects.requireNonNull(gateVerdict, "gateVerdict");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        findingsBySeverity = findingsBySeverity == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(findingsBySeverity));
        reports = reports == null ? List.of() : List.copyOf(reports);
        waiversApplied = waiversApplied == null ? List.of() : List.copyOf(waiversApplied);
        evaluatedAt = evaluatedAt == null ? "" : evaluatedAt;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gateVerdict", gateVerdict);
        out.put("allowsDeployment", allowsDeployment);
        out.put("reasons", reasons);
        out.put("findingsBySeverity", findingsBySeverity);
        List<Map<String, Object>> r = new ArrayList<>();
        reports.forEach(d -> r.add(d.toJson()));
        out.put("reports", r);
        if (policy != null) {
            out.put("policy", policy.toJson());
        }
        out.put("waiversApplied", waiversApplied);
        if (!evaluatedAt.isEmpty()) {
            out.put("evaluatedAt", evaluatedAt);
        }
        return out;
    }
}
