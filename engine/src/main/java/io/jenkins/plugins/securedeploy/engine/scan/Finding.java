package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One normalised finding from any scanner. {@code severity} is what the tool meant (CRITICAL stays CRITICAL);
 * {@code score} is a CVSS or tool score where given (NaN otherwise); {@code ids} are CVE/GHSA/tool ids;
 * {@code fingerprint} is stable across runs (baselines and waivers match on it) and never contains secret material.
 */
public record Finding(
        String tool,
        String ruleId,
        String title,
        Severity severity,
        double score,
        Category category,
        List<String> ids,
        PackageRef pkg,
        Location location,
        String fingerprint) {

    public Finding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(ruleId, "ruleId");
        title = title == null ? "" : title;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        ids = ids == null ? List.of() : List.copyOf(ids);
        location = location == null ? Location.ofFile("") : location;
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException("a finding needs a fingerprint");
        }
    }

    public Optional<PackageRef> packageRef() {
        return Optional.ofNullable(pkg);
    }

    public boolean hasScore() {
        return !Double.isNaN(score);
    }

    /** Whether the tool names a fixed version (SCA); non-package findings count as fixable (they are code). */
    public boolean fixable() {
        return pkg == null || pkg.fixable();
    }

    public static FindingBuilder builder(String tool, String ruleId) {
        return new FindingBuilder(tool, ruleId);
    }
}
