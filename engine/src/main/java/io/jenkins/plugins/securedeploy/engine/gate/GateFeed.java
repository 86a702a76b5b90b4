package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ResultsSink;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;


/**
 * Feeds one gate run's inputs, in order, into the {@link FindingTally} (each finding evaluated as it arrives) and
 * the {@link GateSpool} (each finding to disk), holding only the results without their findings and how many each
 * had. A report is streamed into a {@link FindingTally#fork fork} of the tally that is absorbed once the report was
 * read to its end: as in memory, an ERROR result's findings are not counted (a report that failed half-way
 * contributes nothing; one whose parser noted problems still gives the next baseline its findings). The findings of
 * OK results are also kept for policy rules when the policy has any ({@code forRules}), up to {@code ruleLimit}:
 * past it the rules cannot see every finding and {@link #ruleOverflow()} says how many there were (the gate then
 * fails closed instead of running out of memory).
 */
final class GateFeed {
    /** Findings policy rules see at most (they are held in memory with the rules' views of them). */
    static final int RULE_FINDINGS = 50_000;

    private final FindingTally tally;
    private final GateSpool spool;
    private final List<Finding> forRules;
    private final int ruleLimit;
    private long ruleFindings;
    private final List<ScanResult> results = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private IOException spoolFailure;
    private int sources;

    GateFeed(FindingTally tally, GateSpool spool, boolean keepForRules) {
        this(tally, spool, keepForRules, RULE_FINDINGS);
    }

    GateFeed(FindingTally tally, GateSpool spool, boolean keepForRules, int ruleLimit) {
        this.tally = tally;
        this.spool = spool;
        this.forRules = keepForRules ? new ArrayList<>() : null;
        this.ruleLimit = ruleLimit;
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
                if (forRules != null && ruleFindings++ < ruleLimit) {
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
        long[] localCount = {0};
        GateSink sink = GateSink.feeding(local, (FindingOutcome o) -> {
            spool(index, o);
            if (localRules != null && ruleFindings + localCount[0]++ < ruleLimit) {
                localRules.add(o.finding());
            }
        });
        Document own = new Document(local);
        Optional<List<ScanResult>> instead = inputs.stream(source, sink, own);
        if (spoolFailure != null) {
            throw spoolFailure;
        }
        if (instead.isPresent()) {
            spool.drop(index);
            if (instead.get().isEmpty()) {
                own.commit(); // the engine's own document, streamed result by result
            } else {
                own.rollback();
            }
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
                ruleFindings += localCount[0];
            }
        } else if (sink.hasProblems()) {
            spool.uncount(index);
            counts.add(sink.findings());
        } else {
            spool.drop(index);
            counts.add(0L);
        }
    }

    /**
     * The engine's own findings document, streamed: each result's findings go into a fork of the document's tally
     * (absorbed when the result is OK; an ERROR result's findings go to the next baseline only, as for a held
     * result), and the document's tally is absorbed once the document was read to its end and is valid.
     */
    private final class Document implements ResultsSink {
        private final FindingTally local;
        private final List<Integer> sources = new ArrayList<>();
        private final List<ScanResult> read = new ArrayList<>();
        private final List<Long> counted = new ArrayList<>();
        private final List<Finding> rules = forRules == null ? null : new ArrayList<>();
        private long ruleCount;
        private FindingTally current;
        private List<Finding> currentRules;
        private long currentRuleCount;

        Document(FindingTally local) {
            this.local = local;
        }

        @Override
        public Consumer<Finding> begin() {
            int index = GateFeed.this.sources++;
            sources.add(index);
            current = local.fork();
            currentRules = forRules == null ? null : new ArrayList<>();
            currentRuleCount = 0;
            FindingTally into = current;
            return f -> {
                spool(index, into.add(f));
                if (currentRules != null && ruleFindings + ruleCount + currentRuleCount++ < ruleLimit) {
                    currentRules.add(f);
                }
            };
        }

        @Override
        public void end(ScanResult result, long findings) {
            read.add(result);
            counted.add(findings);
            if (result.isError()) {
                spool.uncount(sources.get(sources.size() - 1));
            } else {
                local.absorb(current);
                if (rules != null) {
                    rules.addAll(currentRules);
                    ruleCount += currentRuleCount;
                }
            }
        }

        void commit() {
            tally.absorb(local);
            results.addAll(read);
            counts.addAll(counted);
            if (forRules != null) {
                forRules.addAll(rules);
                ruleFindings += ruleCount;
            }
        }

        void rollback() {
            sources.forEach(spool::drop);
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

    /** How many findings policy rules would see when more than the limit, else 0. */
    long ruleOverflow() {
        return ruleFindings > ruleLimit ? ruleFindings : 0;
    }

    int ruleLimit() {
        return ruleLimit;
    }

    /** The findings of every OK result so far (policy rules see them); empty unless kept for rules. */
    List<Finding> ruleFindings() {
        return forRules == null ? List.of() : List.copyOf(forRules);
    }
}
