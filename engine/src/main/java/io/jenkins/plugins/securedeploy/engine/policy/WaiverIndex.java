package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the waiver that suppresses a finding in (near) constant time: hash maps by id, fingerprint, package name,
 * rule id and - for path globs - the glob's literal first directory; only globs that start with a wildcard
 * ({@code **}/x) are checked one by one. Expired waivers are kept apart: they never
 * match, {@link #expiredMatch} tells which one would have. With F findings and W waivers matching costs
 * O(F · (ids + P)) where P is the number of path waivers starting with a wildcard, instead of O(F · W).
 */
public final class WaiverIndex {
    private final Map<String, List<Waiver>> byId = new HashMap<>();
    private final Map<String, List<Waiver>> byFingerprint = new HashMap<>();
    private final Map<String, List<Waiver>> byPackage = new HashMap<>();
    private final Map<String, List<Waiver>> byRule = new HashMap<>();
    private final Map<String, List<Waiver>> pathsBySegment = new HashMap<>();
    private final List<Waiver> paths = new ArrayList<>();
    private final WaiverIndex expired;

    public WaiverIndex(List<Waiver> waivers, LocalDate today) {
        List<Waiver> expiredOnes = new ArrayList<>();
        for (Waiver w : waivers) {
            if (w.isExpiredOn(today)) {
                expiredOnes.add(w);
            } else {
                add(w);
            }
        }
        this.expired = expiredOnes.isEmpty() ? null : new WaiverIndex(expiredOnes);
    }

    private WaiverIndex(List<Waiver> all) {
        all.forEach(this::add);
        this.expired = null;
    }

    private void add(Waiver w) {
        switch (w.kind()) {
            case ID -> byId.computeIfAbsent(w.indexKey(), k -> new ArrayList<>()).add(w);
            case FINGERPRINT -> byFingerprint.computeIfAbsent(w.value(), k -> new ArrayList<>()).add(w);
            case PACKAGE -> byPackage.computeIfAbsent(w.packageName(), k -> new ArrayList<>()).add(w);
            case RULE -> byRule.computeIfAbsent(w.value(), k -> new ArrayList<>()).add(w);
            case PATH -> {
                String segment = PathGlob.of(w.value()).firstSegment();
                if (segment.isEmpty()) {
                    paths.add(w);
                } else {
                    pathsBySegment.computeIfAbsent(segment, k -> new ArrayList<>()).add(w);
                }
            }
            default -> throw new IllegalStateException("unhandled waiver kind " + w.kind());
        }
    }

    /** The first unexpired waiver that matches {@code f}, in a fixed order: fingerprint, id, package, rule, path. */
    public Optional<Waiver> match(Finding f) {
        Waiver w = first(byFingerprint.get(f.fingerprint()), f);
        if (w == null) {
            for (String id : f.ids()) {
                w = first(byId.get(id.toUpperCase(Locale.ROOT)), f);
                if (w != null) {
                    break;
                }
            }
        }
        if (w == null && f.pkg() != null) {
            w = first(byPackage.get(f.pkg().name()), f);
        }
        if (w == null) {
            w = first(byRule.get(f.ruleId()), f);
        }
        if (w == null && !pathsBySegment.isEmpty() && !f.location().file().isEmpty()) {
            w = first(pathsBySegment.get(PathGlob.firstSegmentOf(PathGlob.normalize(f.location().file()))), f);
        }
        if (w == null && !paths.isEmpty()) {
            w = first(paths, f);
        }
        return Optional.ofNullable(w);
    }

    /** The expired waiver that would have matched {@code f}, if any (for reporting). */
    public Optional<Waiver> expiredMatch(Finding f) {
        return expired == null ? Optional.empty() : expired.match(f);
    }

    private static Waiver first(List<Waiver> candidates, Finding f) {
        if (candidates == null) {
            return null;
        }
        for (Waiver w : candidates) {
            if (w.matches(f)) {
                return w;
            }
        }
        return null;
    }
}
