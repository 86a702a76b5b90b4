package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted risk: suppresses matching findings of any scanner until {@code expires} (inclusive). It matches by
 * exactly one of id (CVE/GHSA/tool id), fingerprint, package ({@code name} or {@code name@version}), path glob or
 * rule id, optionally narrowed to one {@code tool} and to packages whose package URL starts with {@code purlPrefix}
 * (an admin floor's {@code package: pkg:maven/io.netty/}; a finding without a package URL never matches a narrowed
 * waiver). Owner and reason are required; a waiver without expiry is only accepted where the floor allows it
 * ({@link PolicyMerger}).
 */
public record Waiver(Kind kind, String value, String tool, String owner, String reason, String ticket,
        LocalDate expires, Location declaredAt, String purlPrefix) {

    /** What a waiver matches on. */
    public enum Kind {
        ID, FINGERPRINT, PACKAGE, PATH, RULE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Waiver {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a value to match");
        }
        tool = tool == null || tool.isBlank() ? null : tool;
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        ticket = ticket == null ? "" : ticket;
        declaredAt = declaredAt == null ? Location.ofFile("") : declaredAt;
        purlPrefix = purlPrefix == null ? "" : purlPrefix.strip();
    }

    /** Not narrowed to a package URL prefix. */
    public Waiver(Kind kind, String value, String tool, String owner, String reason, String ticket,
            LocalDate expires, Location declaredAt) {
        this(kind, value, tool, owner, reason, ticket, expires, declaredAt, "");
    }

    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(expires);
    }

    /** Expired when today is after the expiry date (a waiver expiring today still applies today). */
    public boolean isExpiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** Normalised key used by {@link WaiverIndex} (ids are case-insensitive). */
    String indexKey() {
        return kind == Kind.ID ? value.toUpperCase(Locale.ROOT) : value;
    }

    String packageName() {
        int at = value.lastIndexOf('@');
        return at > 0 ? value.substring(0, at) : value;
    }

    String packageVersion() {
        int at = value.lastIndexOf('@');
        return at > 0 ? value.substring(at + 1) : "";
    }

    /** The plain (unindexed) match; {@link WaiverIndex} gives the same answers in near-constant time. */
    public boolean matches(Finding f) {
        if (tool != null && !tool.equals(f.tool())) {
            return false;
        }
        if (!purlPrefix.isEmpty() && !f.packageRef().map(p -> p.purl().startsWith(purlPrefix)).orElse(false)) {
            return false;
        }
        switch (kind) {
            case ID:
                for (String id : f.ids()) {
                    if (id.equalsIgnoreCase(value)) {
                        return true;
                    }
                }
                return false;
            case FINGERPRINT:
                return value.equals(f.fingerprint());
            case PACKAGE:
                return f.packageRef().map(p -> p.name().equals(packageName())
                        && (packageVersion().isEmpty() || packageVersion().equals(p.version()))).orElse(false);
            case PATH:
                return !f.location().file().isEmpty() && PathGlob.of(value).matches(f.location().file());
            case RULE:
                return value.equals(f.ruleId());
            default:
                throw new IllegalStateException("unhandled waiver kind " + kind);
        }
    }

    /** {@code id CVE-2024-1 (owner alice, until 2026-12-31)} for reasons and reports. */
    public String describe() {
        return kind.key() + " " + value + (tool == null ? "" : " in " + tool)
                + (purlPrefix.isEmpty() ? "" : " for packages " + purlPrefix + "*") + " (owner " + owner
                + (expires == null ? ", no expiry" : ", until " + expires) + ")";
    }
}
