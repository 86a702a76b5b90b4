package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds a {@link Finding}; computes the fingerprint when the tool gives none. The computed fingerprint hashes tool,
 * rule, category, file, package name + version and sorted ids — not line numbers, which move between runs, and not
 * the title, which tools reword — plus an optional {@code fingerprintHint} (e.g. a hash of the matched snippet).
 */
public final class FindingBuilder {
    /** The default location (a record: one for every builder). */
    private static final Location NOWHERE = Location.ofFile("");
    private final String tool;
    private final String ruleId;
    private String title = "";
    private Severity severity = Severity.UNKNOWN;
    private double score = Double.NaN;
    private Category category = Category.OTHER;
    private final List<String> ids = new ArrayList<>();
    /** The ids, when they are one shared list ({@link #ids(List)}); {@link #ids} is empty then. */
    private List<String> sharedIds;
    private PackageRef pkg;
    private Location location = NOWHERE;
    private String fingerprint;
    private String fingerprintHint = "";

    FindingBuilder(String tool, String ruleId) {
        this.tool = tool;
        this.ruleId = ruleId == null || ruleId.isBlank() ? "unknown-rule" : ruleId;
    }

    public FindingBuilder title(String value) {
        this.title = value;
        return this;
    }

    public FindingBuilder severity(Severity value) {
        this.severity = value;
        return this;
    }

    public FindingBuilder score(double value) {
        this.score = value;
        return this;
    }

    public FindingBuilder category(Category value) {
        this.category = value;
        return this;
    }

    public FindingBuilder id(String value) {
        if (sharedIds != null) {
            ids.addAll(sharedIds);
            sharedIds = null;
        }
        if (value != null && !value.isBlank() && !ids.contains(value)) {
            ids.add(value);
        }
        return this;
    }

    /**
     * Adds {@code values} as {@link #id} adds each, for a list made once and shared by many findings (a SARIF rule's
     * CWE ids): when the builder has no ids yet and the list holds each id once, none blank, the finding keeps that
     * list itself (an immutable copy of it, which for an immutable list is the list) - no list per finding.
     * {@code values} holds no null (unlike {@link #id}, which ignores one).
     */
    public FindingBuilder ids(List<String> values) {
        List<String> given = List.copyOf(values);
        if (ids.isEmpty() && sharedIds == null && usable(given)) {
            sharedIds = given;
        } else {
            given.forEach(this::id);
        }
        return this;
    }

    /** What {@link #id} one by one would keep as it is: no blank id, none twice. */
    private static boolean usable(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.isBlank() || values.subList(0, i).contains(v)) {
                return false;
            }
        }
        return true;
    }

    public FindingBuilder pkg(PackageRef value) {
        this.pkg = value;
        return this;
    }

    public FindingBuilder location(Location value) {
        this.location = value;
        return this;
    }

    /** A fingerprint the tool computed itself (e.g. SARIF partialFingerprints); prefixed with the tool name. */
    public FindingBuilder toolFingerprint(String value) {
        this.fingerprint = value == null || value.isBlank() ? null : prefixed(tool, value);
        return this;
    }

    /** {@code tool:value} - built directly (a concatenation here was not compiled inline, per finding). */
    private static String prefixed(String tool, String value) {
        return new StringBuilder(tool.length() + 1 + value.length()).append(tool).append(':').append(value).toString();
    }

    /**
     * A fingerprint carried over as it is, from a document the engine wrote itself (its own SARIF): not prefixed, so
     * a finding read back has the fingerprint it was written with.
     */
    public FindingBuilder exactFingerprint(String value) {
        this.fingerprint = value == null || value.isBlank() ? null : value;
        return this;
    }

    /** Extra stable input to the computed fingerprint (never a secret itself: hash it first). */
    public FindingBuilder fingerprintHint(String value) {
        this.fingerprintHint = value == null ? "" : value;
        return this;
    }

    public Finding build() {
        String fp = fingerprint != null ? fingerprint : computeFingerprint();
        return new Finding(tool, ruleId, title, severity, score, category, ids(), pkg, location, fp);
    }

    private List<String> ids() {
        return sharedIds != null ? sharedIds : ids.isEmpty() ? List.of() : ids;
    }

    private String computeFingerprint() {
        StringBuilder sb = new StringBuilder();
        sb.append(tool).append('\n').append(ruleId).append('\n').append(category).append('\n');
        sb.append(location.file()).append('\n');
        if (pkg != null) {
            sb.append(pkg.name()).append('@').append(pkg.version()).append('\n');
        }
        sb.append(String.join(",", new TreeSet<>(ids()))).append('\n').append(fingerprintHint);
        return "sha256:" + Hashing.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
    }
}
