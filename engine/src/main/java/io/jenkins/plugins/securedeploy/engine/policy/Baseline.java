package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous run's findings by fingerprint. Comparing the current findings gives new / unchanged / fixed. Without a
 * baseline ({@link #NONE}) every finding is new, so "max new" limits stay in force (fail closed).
 */
public record Baseline(Map<String, BaselineEntry> entries, boolean present) {
    public static final Baseline NONE = new Baseline(Map.of(), false);

    public Baseline {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static Baseline of(List<BaselineEntry> list) {
        Map<String, BaselineEntry> map = new LinkedHashMap<>();
        list.forEach(e -> map.putIfAbsent(e.fingerprint(), e));
        return new Baseline(map, true);
    }

    public static Baseline ofFindings(List<Finding> findings) {
        return of(findings.stream().map(BaselineEntry::of).toList());
    }

    public boolean contains(String fingerprint) {
        return entries.containsKey(fingerprint);
    }

    /** Splits {@code current} into new and unchanged; baseline entries not seen any more are fixed. */
    public Comparison compare(List<Finding> current) {
        List<Finding> fresh = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : current) {
            seen.add(f.fingerprint());
            (entries.containsKey(f.fingerprint()) ? unchanged : fresh).add(f);
        }
        List<BaselineEntry> fixed = entries.values().stream().filter(e -> !seen.contains(e.fingerprint())).toList();
        return new Comparison(fresh, unchanged, fixed);
    }

    /** The outcome of {@link #compare}. */
    public record Comparison(List<Finding> fresh, List<Finding> unchanged, List<BaselineEntry> fixed) {
        public Comparison {
            fresh = List.copyOf(fresh);
            unchanged = List.copyOf(unchanged);
            fixed = List.copyOf(fixed);
        }
    }
}
