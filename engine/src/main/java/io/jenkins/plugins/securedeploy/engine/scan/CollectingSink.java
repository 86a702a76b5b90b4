package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every finding in memory and builds the {@link ScanResult} callers used before parsers streamed: problems
 * make it {@link ScanResult.Status#ERROR}; warnings are kept as the problems of an OK result (as they always were).
 * Problems and warnings are capped at {@link #MAX_NOTES} each, plus one line saying how many more there were, so a
 * report with a million tool errors cannot exhaust the heap through them.
 */
public final class CollectingSink implements FindingSink {
    /** How many problems (and, separately, warnings) are kept. */
    public static final int MAX_NOTES = 1000;

    private final List<Finding> findings = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private long droppedProblems;
    private long droppedWarnings;
    private ReportEnd end;

    @Override
    public void accept(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void problem(Problem problem) {
        if (problems.size() < MAX_NOTES) {
            problems.add(problem);
        } else {
            droppedProblems++;
        }
    }

    @Override
    public void warning(Problem warning) {
        if (warnings.size() < MAX_NOTES) {
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

    /** Whether the parser reached the end of the report. */
    public boolean ended() {
        return end != null;
    }

    /** The result; {@code source} names the report. Fails if the parser never signalled the end. */
    public ScanResult result(String source) {
        if (end == null) {
            throw new IllegalStateException("the parser returned without reading the report to its end");
        }
        List<Problem> notes = new ArrayList<>();
        if (!problems.isEmpty()) {
            notes.addAll(problems);
            more(notes, droppedProblems, "problems", source);
            notes.addAll(warnings);
            more(notes, droppedWarnings, "warnings", source);
            return new ScanResult(end.tool(), end.toolVersion(), source, ScanResult.Status.ERROR, findings, notes);
        }
        notes.addAll(warnings);
        more(notes, droppedWarnings, "warnings", source);
        return new ScanResult(end.tool(), end.toolVersion(), source, ScanResult.Status.OK, findings, notes);
    }

    private static void more(List<Problem> notes, long dropped, String what, String source) {
        if (dropped > 0) {
            notes.add(Problem.of("report.more-" + what, dropped + " more " + what + " not listed (only the first "
                    + MAX_NOTES + " are kept)", Location.ofFile(source)));
        }
    }
}
