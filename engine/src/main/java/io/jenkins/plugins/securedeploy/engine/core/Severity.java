package io.jenkins.plugins.securedeploy.engine.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Severity as the tool meant it. CRITICAL and HIGH stay distinct (tools that fold CRITICAL into HIGH lose the most
 * important distinction a gate makes). UNKNOWN is its own value, and for gating it ranks as the worst, so a finding
 * whose severity could not be read never passes silently.
 */
public enum Severity {
    CRITICAL(5),
    HIGH(4),
    MEDIUM(3),
    LOW(2),
    INFO(1),
    UNKNOWN(6);

    private final int gateRank;

    Severity(int gateRank) {
        this.gateRank = gateRank;
    }

    /** Rank for gate comparisons: UNKNOWN above CRITICAL (fail closed), INFO lowest. */
    public int gateRank() {
        return gateRank;
    }

    /** True when this severity is at least as severe as {@code other} for gating purposes. */
    public boolean isAtLeast(Severity other) {
        return gateRank >= other.gateRank;
    }

    /**
     * Parses the common spellings (case-insensitive): critical, high, medium/moderate, low, info/informational/
     * negligible/note/none. Anything else is empty; callers decide (usually {@link #UNKNOWN}).
     */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical":
                return Optional.of(CRITICAL);
            case "high":
            case "error":
                return Optional.of(HIGH);
            case "medium":
            case "moderate":
            case "warning":
                return Optional.of(MEDIUM);
            case "low":
                return Optional.of(LOW);
            case "info":
            case "informational":
            case "negligible":
            case "note":
            case "none":
                return Optional.of(INFO);
            case "unknown":
                return Optional.of(UNKNOWN);
            default:
                return Optional.empty();
        }
    }

    /** Parses with {@link #parse(String)}, mapping anything unreadable to {@link #UNKNOWN}. */
    public static Severity parseOrUnknown(String text) {
        return parse(text).orElse(UNKNOWN);
    }

    /**
     * CVSS v3/v4 qualitative rating (FIRST): 9.0-10.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low, 0 none.
     * Out-of-range or NaN scores are UNKNOWN.
     */
    public static Severity fromCvss(double score) {
        if (Double.isNaN(score) || score < 0 || score > 10) {
            return UNKNOWN;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score > 0.0) {
            return LOW;
        }
        return INFO;
    }
}
