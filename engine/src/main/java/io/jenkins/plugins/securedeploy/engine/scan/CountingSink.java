package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps only counts: findings per severity, problems, warnings, and the end. Constant memory for any report size,
 * so it is what bounded-memory checks and summaries use.
 */
public final class CountingSink implements FindingSink {
    private final long[] bySeverity = new long[Severity.values().length];
    private long problems;
    private long warnings;
    private ReportEnd end;

    @Override
    public void accept(Finding finding) {
        bySeverity[finding.severity().ordinal()]++;
    }

    @Override
    public void problem(Problem problem) {
        problems++;
    }

    @Override
    public void warning(Problem warning) {
        warnings++;
    }

    @Override
    public void end(ReportEnd value) {
        end = value;
    }

    public long findings() {
        long n = 0;
        for (long c : bySeverity) {
            n += c;
        }
        return n;
    }

    public long count(Severity severity) {
        return bySeverity[severity.ordinal()];
    }

    /** Counts of the severities that occur. */
    public Map<Severity, Long> bySeverity() {
        Map<Severity, Long> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            if (bySeverity[s.ordinal()] > 0) {
                out.put(s, bySeverity[s.ordinal()]);
            }
        }
        return out;
    }

    public long problems() {
        return problems;
    }

    public long warnings() {
        return warnings;
    }

    /** Whether the parser reached the end of the report. */
    public boolean ended() {
        return end != null;
    }

    /** The end the parser signalled, or null when it did not (yet). */
    public ReportEnd end() {
        return end;
    }
}
