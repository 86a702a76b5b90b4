package io.jenkins.plugins.securedeploy.engine.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two SBOMs (of any formats): components added, removed, and those whose version changed.
 * Components are matched by ecosystem and qualified name; build artifacts ({@code file} components) have no
 * version and are left out.
 */
public record SbomDiff(List<String> added, List<String> removed, List<VersionChange> changed) {
    /** One component present in both with different version(s). */
    public record VersionChange(String name, String oldVersions, String newVersions) {}

    public SbomDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public static SbomDiff between(SbomSummary before, SbomSummary after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<String, TreeSet<String>> old = index(before.components());
        Map<String, TreeSet<String>> now = index(after.components());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<VersionChange> changed = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : now.entrySet()) {
            TreeSet<String> was = old.get(e.getKey());
            if (was == null) {
                e.getValue().forEach(v -> added.add(display(e.getKey()) + "@" + v));
            } else if (!was.equals(e.getValue())) {
                changed.add(new VersionChange(display(e.getKey()), String.join(", ", was),
                        String.join(", ", e.getValue())));
            }
        }
        old.forEach((key, versions) -> {
            if (!now.containsKey(key)) {
                versions.forEach(v -> removed.add(display(key) + "@" + v));
            }
        });
        return new SbomDiff(added, removed, changed);
    }

    private static Map<String, TreeSet<String>> index(List<SbomComponent> components) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (SbomComponent c : components) {
            if ("file".equals(c.ecosystem())) {
                continue;
            }
            out.computeIfAbsent(c.ecosystem() + "\u0000" + c.qualifiedName(), k -> new TreeSet<>()).add(c.version());
        }
        return out;
    }

    private static String display(String key) {
        int sep = key.indexOf('\u0000');
        String ecosystem = key.substring(0, sep);
        return (ecosystem.isEmpty() ? "" : ecosystem + ":") + key.substring(sep + 1);
    }
}
