package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.List;
import java.util.Objects;

/**
 * What one gate produced: the decision, the report model, every scan result it decided on (those the host passed
 * and those read from report bytes), and the report files as stored in the host's evidence store. The gate streams:
 * a result read from report bytes carries no findings (they were counted as they were parsed; the report's tool
 * summaries say how many, {@code gate-report.json} lists them all), and the decision and report model hold the
 * counts and the findings kept for display.
 */
public record GateOutcome(GateDecision decision, GateReport report, List<ScanResult> results,
        List<EvidenceRef> files) {
    public GateOutcome {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(report, "report");
        results = List.copyOf(results);
        files = List.copyOf(files);
    }

    /** The stored {@code index.html}. */
    public EvidenceRef index() {
        return file(GateService.INDEX);
    }

    /** The stored {@code gate-report.json}. */
    public EvidenceRef json() {
        return file(GateService.JSON);
    }

    /** The stored {@code baseline.json} a later run compares against. */
    public EvidenceRef baseline() {
        return file(GateService.BASELINE);
    }

    /** 0 / 1 / 3, as every command and step ends. */
    public ExitCode exitCode() {
        return ExitCode.of(decision);
    }

    private EvidenceRef file(String name) {
        return files.stream().filter(f -> f.name().equals(name) || f.name().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the gate stored no " + name));
    }
}
