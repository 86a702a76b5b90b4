package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finding as rules see it (variable {@code finding} in {@code scope: finding}, elements of {@code findings}).
 * {@code severity} and {@code category} are the upper-case names ({@code "HIGH"}, {@code "SCA"}); {@code score} is
 * the CVSS/tool score or 0 when {@code hasScore} is false; {@code fixable} is true when a fixed version is known (or
 * the finding is not about a package); {@code fresh} is true when the finding is not in the baseline;
 * {@code firstSeen} is when Secure Deploy first saw it (from the baseline, else this run) and {@code ageDays} the
 * whole days since then.
 */
public record FindingView(String tool, String ruleId, String title, String severity, double score, boolean hasScore,
        String category, List<String> ids, PackageView pkg, String file, long line, String fingerprint,
        boolean fixable, boolean fresh, Instant firstSeen, long ageDays) {
    public FindingView {
        Objects.requireNonNull(tool, "tool");
        ruleId = ruleId == null ? "" : ruleId;
        title = title == null ? "" : title;
        Objects.requireNonNull(severity, "severity");
        category = category == null ? "OTHER" : category;
        ids = ids == null ? List.of() : List.copyOf(ids);
        pkg = pkg == null ? PackageView.NONE : pkg;
        file = file == null ? "" : file;
        fingerprint = fingerprint == null ? "" : fingerprint;
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
