package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.scan.CollectingSink;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The streaming gate's end of one report's parse: each finding goes into the {@link FindingTally} (classified and
 * counted as it arrives) and, when a spool is given, to disk; problems and warnings are kept as a
 * {@link CollectingSink} keeps them (capped). {@link #result} is the report's scan result for the decision — status,
 * tool, version and problems, with no findings in it (they are in the tally). Fails closed like the in-memory gate:
 * a report that ends with a problem is an ERROR result, so the gate is ERROR whatever was counted before it.
 */
public final class GateSink implements FindingSink {
    private final FindingTally tally;
    private final Consumer<FindingOutcome> spool;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private long findings;
    private long droppedProblems;
    private long droppedWarnings;
    private ReportEnd end;

    /** {@code spool} may be null (nothing written to disk). */
    public GateSink(FindingTally tally, FindingSpoolWriter spool) {
        this(spool == null ? (Consumer<FindingOutcome>) null : spool::write, tally);
    }

    private GateSink(Consumer<FindingOutcome> then, FindingTally tally) {
        this.tally = Objects.requireNonNull(tally, "tally");
        this.spool = then;
    }

    /** Each outcome also goes to {@code then} as it is counted. */
    public static GateSink feeding(FindingTally tally, Consumer<FindingOutcome> then) {
        return new GateSink(Objects.requireNonNull(then, "then"), tally);
    }

    @Override
    public void accept(Finding finding) {
        FindingOutcome o = tally.add(finding);
        findings++;
        if (spool != null) {
            spool.accept(o);
        }
    }

    @Override
    public void problem(Problem problem) {
        if (problems.size() < CollectingSink.MAX_NOTES) {
            problems.add(problem);
        } else {
            droppedProblems++;
        }
    }

    @Override
    public void warning(Problem warning) {
        if (warnings.size() < CollectingSink.MAX_NOTES) {
            warnings.add(warning);
        } else {
            droppedWarnings++;
        }
    }

    @Override
    public void end(ReportEnd value) {
        if (end != null) {
            throw new IllegalStateException("a parser ended the same report twice");
        }
        end = value;
    }

    /** Findings this report contributed. */
    public long findings() {
        return findings;
    }

    /** Whether the report had problems (an ERROR result, whose findings the gate does not count). */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** As a {@link CollectingSink} notes that some were not kept. */
    private static void more(List<Problem> notes, long dropped, String what, String source) {
        if (dropped > 0) {
            notes.add(Problem.of("report.more-" + what, dropped + " more " + what + " not listed (only the first "
                    + CollectingSink.MAX_NOTES + " are kept)", Location.ofFile(source)));
        }
    }

    /** The report's result without its findings; an ERROR when the parse did not end or reported a problem. */
    public ScanResult result(String source) {
        if (end == null) {
            return ScanResult.error("unknown", source, List.of(Problem.of("report.not-ended",
                    "the parser returned without reading the report to its end", Location.ofFile(source))));
        }
        List<Problem> notes = new ArrayList<>(problems);
        if (!problems.isEmpty()) {
            more(notes, droppedProblems, "problems", source);
        }
        notes.addAll(warnings);
        more(notes, droppedWarnings, "warnings", source);
        return new ScanResult(end.tool(), end.toolVersion(), source,
                problems.isEmpty() ? ScanResult.Status.OK : ScanResult.Status.ERROR, List.of(), notes);
    }
}
