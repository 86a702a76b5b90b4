package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineReader;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.ComponentPolicy;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInput;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInputs;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.report.GateReportWriter;
import io.jenkins.plugins.securedeploy.engine.report.SarifWriter;
import io.jenkins.plugins.securedeploy.engine.report.HtmlReportWriter;
import io.jenkins.plugins.securedeploy.engine.report.ReportFile;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gate, as the one service every host calls (the CLI's {@code gate}, {@code demo} and {@code deploy}, the
 * Jenkins {@code securityGate} step, the deployment flow): reads the policy (a weaker-than-floor policy is an
 * {@link InvalidInputException} listing every problem), the baseline (unreadable = an ERROR reason) and the report
 * bytes; merges with the admin floor; checks SBOM components against the deny-lists and the policy rules against
 * every finding; evaluates; and stores the report ({@value #INDEX}, {@value #JSON}, its assets) and the next
 * {@value #BASELINE} through the host's {@link EvidenceStore}.
 */
public final class GateService {
    public static final String INDEX = HtmlReportWriter.INDEX;
    public static final String JSON = HtmlReportWriter.JSON;
    public static final String BASELINE = "baseline.json";

    /** Findings a decision keeps for display (the page lists this many; the JSON lists all). */
    static final int KEEP = HtmlReportWriter.DEFAULT_MAX_ROWS;

    private final Clock clock;
    private final ReportInputs reports;
    private final int chunk;
    private final int baselineInMemory;
    private final int ruleFindings;

    public GateService(Clock clock) {
        this(clock, ReportInputs.standard());
    }

    public GateService(Clock clock, ReportInputs reports) {
        this(clock, reports, GateSpool.CHUNK);
    }

    /** With {@code chunk} findings per sorted run on disk (tests make it small to merge many runs). */
    GateService(Clock clock, ReportInputs reports, int chunk) {
        this(clock, reports, chunk, BaselineReader.IN_MEMORY);
    }

    /**
     * With {@code chunk} findings per sorted run and a baseline of more than {@code baselineInMemory} entries
     * indexed on disk (tests make both small).
     */
    GateService(Clock clock, ReportInputs reports, int chunk, int baselineInMemory) {
        this(clock, reports, chunk, baselineInMemory, GateFeed.RULE_FINDINGS);
    }

    /** ... and policy rules refused past {@code ruleFindings} findings. */
    GateService(Clock clock, ReportInputs reports, int chunk, int baselineInMemory, int ruleFindings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.chunk = chunk;
        this.baselineInMemory = baselineInMemory;
        this.ruleFindings = ruleFindings;
    }

    /**
     * Decides and stores the report.
     *
     * @throws InvalidInputException when the policy is invalid or weaker than the floor
     * @throws EnvironmentException when the store refuses a report file
     */
    public GateOutcome decide(GateRequest request, EvidenceStore store) {
        return decide(request, store, null);
    }

    /**
     * Decides and stores the report, streaming: each report's findings are evaluated as they are parsed (waivers,
     * baseline, thresholds) and spooled to a temporary folder, never all in memory; the decision keeps the counts,
     * the top {@value HtmlReportWriter#DEFAULT_MAX_ROWS} findings for display and those the reasons name;
     * {@value #JSON} (every finding) and {@value #BASELINE} are written from disk. The files and the decision are
     * those of the same findings evaluated in memory. When {@code sarif} is not null, every gated finding is also
     * written to it as SARIF 2.1.0 (the stream is not closed).
     *
     * @throws InvalidInputException when the policy is invalid or weaker than the floor
     * @throws EnvironmentException when the store refuses a report file, or the findings cannot be spooled
     */
    public GateOutcome decide(GateRequest request, EvidenceStore store, OutputStream sarif) {
        Objects.requireNonNull(store, "store");
        Policy project = request.policy() == null ? Policy.DEFAULT
                : new PolicyReader().read(request.policy().content(), request.policy().name());
        List<Problem> inputProblems = new ArrayList<>(request.inputProblems());
        EvidenceFacts facts = request.sboms().isEmpty() ? request.facts() : request.facts().withSbomPresent(true);
        LocalDate today = LocalDate.now(clock);
        Policy effective = new PolicyMerger().merge(request.floor(), project, today);
        try (Baseline baseline = baseline(request.baseline(), inputProblems);
                GateSpool spool = GateSpool.open(effective.waivers(), chunk, sarif != null)) {
            GateFeed feed = new GateFeed(new FindingTally(effective, baseline, today, KEEP), spool,
                    !effective.rules().isEmpty(), ruleFindings);
            for (ScanResult r : request.results()) {
                feed.held(r);
            }
            for (ReportSource source : request.reports()) {
                feed.report(source, reports);
            }
            if (!effective.sbom().isEmpty()) {
                feed.held(new ComponentPolicy().check(request.sboms(), effective.sbom()));
            }
            if (!effective.rules().isEmpty() && feed.ruleOverflow() > 0) {
                // the rules would have to hold every finding: past the limit they are not run, and the gate fails
                feed.held(ScanResult.error(PolicyRules.TOOL, project.source(), List.of(Problem.of(
                        "rules.too-many-findings", "policy rules see at most " + feed.ruleLimit() + " findings; "
                        + "this gate has " + feed.ruleOverflow() + ", so the rules were not evaluated (remove "
                        + "'rules' or gate fewer findings at once)", Location.ofFile(project.source())))));
            } else if (!effective.rules().isEmpty()) {
                // policy rules see every other input's findings; their violations are findings like any other
                RuleInput input = RuleInputs.of(feed.ruleFindings(), baseline.fingerprints(), request.sboms(),
                        request.ruleContext(), clock.instant());
                feed.held(new PolicyRules().check(effective.rules(), input, project.source()));
            }
            List<ScanResult> results = feed.results();
            GateDecision decision = new GateEvaluator(clock).evaluate(new GateInput(effective, results, baseline,
                    facts, request.override(), inputProblems), feed.tally());
            GateReport report = GateReport.of(decision, results, feed.counts(),
                    EvidenceEntries.of(request.evidence(), request.sboms(), facts), effective, project.source(),
                    clock.instant());
            List<EvidenceRef> files = store(report, spool, request.folder(), store);
            if (sarif != null) {
                new SarifWriter().write(report, v -> spool.findings(v::visit), new java.io.FilterOutputStream(sarif) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the caller's stream stays open
                    }
                });
            }
            return new GateOutcome(decision, report, results, files);
        } catch (IOException e) {
            throw new EnvironmentException("cannot spool the gate's findings to a temporary folder: "
                    + IoReason.of(e), e);
        } catch (UncheckedIOException e) {
            throw new EnvironmentException("cannot read the baseline's on-disk index: " + IoReason.of(e), e);
        }
    }

    /**
     * The baseline, streamed: held in memory up to {@code baselineInMemory} entries, else indexed on disk until the
     * gate is done; one that cannot be read or is garbled adds a located problem (an ERROR reason) and gates as none.
     */
    private Baseline baseline(ReportSource source, List<Problem> problems) {
        if (source == null) {
            return Baseline.NONE;
        }
        try (InputStream in = source.opener().open()) {
            return new BaselineReader().read(in, source.name(), baselineInMemory, null);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        } catch (NoSuchFileException e) {
            problems.add(Problem.of("file.missing", "baseline does not exist", Location.ofFile(source.name())));
        } catch (IOException e) {
            problems.add(Problem.of("file.unreadable", "cannot read baseline: " + IoReason.of(e),
                    Location.ofFile(source.name())));
        } catch (UncheckedIOException e) {
            throw new EnvironmentException("cannot index baseline " + source.name() + " on disk: "
                    + IoReason.of(e), e);
        }
        return Baseline.NONE;
    }

    private static List<EvidenceRef> store(GateReport report, GateSpool spool, String folder,
            EvidenceStore store) {
        List<ReportFile> page = new HtmlReportWriter().pageFiles(report);
        List<EvidenceRef> stored = new ArrayList<>();
        stored.add(store(store, folder, INDEX, "text/html", out -> out.write(page.get(0).content())));
        stored.add(store(store, folder, JSON, "application/json",
                out -> new GateReportWriter().writeLaidOut(report, v -> spool.findingJson(v::visit), out)));
        for (ReportFile f : page.subList(1, page.size())) {
            stored.add(store(store, folder, f.name(), f.mediaType(), out -> out.write(f.content())));
        }
        stored.add(store(store, folder, BASELINE, "application/json",
                out -> new BaselineWriter().writeLaidOut(v -> spool.baselineJson(v::visit), out)));
        return List.copyOf(stored);
    }

    private static EvidenceRef store(EvidenceStore store, String folder, String file, String mediaType,
            EvidenceStore.Content content) {
        String name = folder.isEmpty() ? file : folder + "/" + file;
        try {
            return store.store(name, mediaType, content);
        } catch (IOException e) {
            throw new EnvironmentException("cannot store gate report file " + name + ": " + IoReason.of(e), e);
        }
    }
}
