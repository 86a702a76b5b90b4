package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Feeds one gate run's inputs, in order, into the {@link FindingTally} (each finding evaluated as it arrives) and
 * the {@link GateSpool} (each finding to disk), holding only the results without their findings and how many each
 * had. A report is streamed into a {@link FindingTally#fork fork} of the tally that is absorbed once the report was
 * read to its end: as in memory, an ERROR result's findings are not counted (a report that failed half-way
 * contributes nothing; one whose parser noted problems still gives the next baseline its findings). The findings of
 * OK results are also kept for policy rules when the policy has any ({@code forRules}).
 */
final class GateFeed {
    private final FindingTally tally;
    private final GateSpool spool;
    private final List<Finding> forRules;
    private final List<ScanResult> results = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private IOException spoolFailure;
    private int sources;

    GateFeed(FindingTally tally, GateSpool spool, boolean keepForRules) {
        this.tally = tally;
        this.spool = spool;
        this.forRules = keepForRules ? new ArrayList<>() : null;
    }

    /** A result already in memory (the host's, the engine's own): counted unless ERROR. */
    void held(ScanResult r) throws IOException {
        int source = sources++;
        results.add(r);
        counts.add((long) r.findings().size());
        for (Finding f : r.findings()) {
            if (r.isError()) {
                spool.addBaselineOnly(source, f);
            } else {
                spool.add(source, tally.add(f));
                if (forRules != null) {
                    forRules.add(f);
                }
            }
        }
    }

    /** One report, streamed. */
    void report(ReportSource source, ReportInputs inputs) throws IOException {
        int index = sources++;
        FindingTally local = tally.fork();
        List<Finding> localRules = forRules == null ? null : new ArrayList<>();
        GateSink sink = GateSink.feeding(local, (FindingOutcome o) -> {
            spool(index, o);
            if (localRules != null) {
                localRules.add(o.finding());
            }
        });
        Optional<List<ScanResult>> instead = inputs.stream(source, sink);
        if (spoolFailure != null) {
            throw spoolFailure;
        }
        if (instead.isPresent()) {
            spool.drop(index);
            for (ScanResult r : instead.get()) {
                held(r);
            }
            return;
        }
        ScanResult r = sink.result(source.name());
        results.add(r);
        if (!r.isError()) {
            tally.absorb(local);
            counts.add(sink.findings());
            if (forRules != null) {
                forRules.addAll(localRules);
            }
        } else if (sink.hasProblems()) {
            spool.uncount(index);
            counts.add(sink.findings());
        } else {
            spool.drop(index);
            counts.add(0L);
        }
    }

    private void spool(int index, FindingOutcome o) {
        if (spoolFailure != null) {
            return;
        }
        try {
            spool.add(index, o);
        } catch (IOException e) {
            spoolFailure = e;
        }
    }

    FindingTally tally() {
        return tally;
    }

    List<ScanResult> results() {
        return List.copyOf(results);
    }

    List<Long> counts() {
        return List.copyOf(counts);
    }

    /** The findings of every OK result so far (policy rules see them); empty unless kept for rules. */
    List<Finding> ruleFindings() {
        return forRules == null ? List.of() : List.copyOf(forRules);
    }
}
