package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.cli.host.DirectoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.attest.SlsaProvenance;
import io.jenkins.plugins.securedeploy.engine.gate.DecisionPresenter;
import io.jenkins.plugins.securedeploy.engine.gate.ExitCode;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.Relaxation;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy gate}: evaluates scan reports against the policy (and the admin floor), writes the report
 * folder, prints the verdict and every reason. Exit 0 PASSED (or FAILED with an accepted break-glass override),
 * 1 FAILED, 3 ERROR or bad input.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Gate scan reports against a policy: thresholds, baseline, waivers, admin floor; fail closed.",
            "REPORT is tool=path (a registered tool's format) or a path (our findings JSON or an auto-detected format)."})
public final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Project policy (.secure-deploy.yml, YAML or JSON). Without it the secure defaults apply.")
    Path policy;

    @Option(names = "--floor", paramLabel = "FILE", description = "Admin floor the policy may not weaken.")
    Path floor;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "baseline.json of a previous run (new / fixed / unchanged). Unreadable = ERROR.")
    Path baseline;

    @Option(names = "--report-dir", required = true, paramLabel = "DIR",
            description = "Where index.html, gate-report.json and baseline.json are written.")
    Path reportDir;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the gated findings as SARIF 2.1.0 "
            + "(waived ones as suppressed, new/unchanged against the baseline) for code-scanning dashboards.")
    Path sarif;

    @Mixin
    SharedOptions shared;

    @Option(names = "--sbom-present", description = "Evidence fact: an SBOM was recorded.")
    boolean sbomPresent;

    @Option(names = "--sbom", paramLabel = "FILE", description = "An SBOM of the build (CycloneDX/SPDX; repeatable): "
            + "validated, counted as SBOM evidence, and its components checked against the policy's sbom deny-lists.")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--signature", paramLabel = "FILE", description = "Signature evidence of --artifact (any verify "
            + "family, auto-detected; repeatable), verified strictly with --key/--keyring/--root (evidence.signature).")
    List<Path> signatures = new ArrayList<>();

    @Option(names = "--provenance", paramLabel = "FILE", description = "SLSA provenance (DSSE in-toto envelope) of "
            + "--artifact (repeatable), verified strictly with --key (evidence.provenance).")
    List<Path> provenance = new ArrayList<>();

    @Option(names = "--artifact", paramLabel = "FILE", description = "The artifact --signature/--provenance are about.")
    Path artifact;

    @Option(names = "--key", paramLabel = "FILE", description = "Trusted public key (PEM) for --signature/--provenance.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--keyring", paramLabel = "FILE", description = "Trusted OpenPGP keyring for --signature.")
    List<Path> keyrings = new ArrayList<>();

    @Option(names = "--root", paramLabel = "FILE", description = "Trusted X.509 root (PEM) for --signature.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--approvals-met", description = "Evidence fact: required approvals are met.")
    boolean approvalsMet;

    @Option(names = "--override-by", paramLabel = "PERSON", description = "Break-glass: who overrides a FAILED gate.")
    String overrideBy;

    @Option(names = "--override-reason", paramLabel = "TEXT", description = "Break-glass: why.")
    String overrideReason;

    @Option(names = "--override-ticket", paramLabel = "ID", description = "Break-glass: incident or ticket id.")
    String overrideTicket;

    @Option(names = "--override-expires", paramLabel = "YYYY-MM-DD",
            description = "Break-glass: last day the override applies (at most overrideRules.maxDays ahead).")
    LocalDate overrideExpires;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Scan reports to gate.")
    List<String> reports;

    Clock clock = Clock.systemUTC();

    /** Signatures and provenance become verification results (values), checked by the one verification service. */
    private EvidenceFacts facts(boolean sbom) {
        VerificationService service = VerificationService.standard();
        TrustMaterial trust = new TrustMaterial(keys.stream().map(VerifyCommand::read).toList(),
                keyrings.stream().map(VerifyCommand::read).toList(), roots.stream().map(VerifyCommand::read).toList(),
                Optional.empty());
        ArtifactSource source = artifact == null ? null : ArtifactSource.of(artifact, artifact.toString());
        EvidenceFacts facts = new EvidenceFacts(sbom, List.of(), List.of(), approvalsMet);
        for (Path s : signatures) {
            facts = facts.withSignature(service.verify(VerificationRequest.of(VerifyCommand.read(s), source, trust,
                    VerificationPolicy.STRICT)));
        }
        for (Path p : provenance) {
            facts = facts.withProvenance(service.verify(VerificationRequest.of(VerifyCommand.read(p), source, trust,
                    VerificationPolicy.STRICT.withExpectedPredicateType(SlsaProvenance.PREDICATE_TYPE)),
                    Optional.of("dsse")));
        }
        return facts;
    }

    @Override
    public Integer call() {
        Output output = new Output(spec, shared);
        GateOverride override = overrideBy == null && overrideReason == null && overrideExpires == null ? null
                : new GateOverride(overrideBy, overrideReason, overrideTicket, overrideExpires);
        GateOutcome outcome;
        DirectoryEvidenceStore store = DirectoryEvidenceStore.create(reportDir, "report directory");
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "gating")) {
            SbomIngest ingest = new SbomIngest();
            List<SbomSummary> summaries = sboms.stream().map(f -> ingest.ingest(SbomSource.ofPath(
                    SbomCommand.existing(f)))).toList();
            GateRequest request = GateRequest.of(List.of())
                    .withPolicy(policy == null ? null : NamedBytes.read(policy, display(policy), "policy file"))
                    .withFloor(floor == null ? null : new PolicyFloor(new PolicyReader().read(
                            NamedBytes.read(floor, display(floor), "floor file").content(), display(floor))))
                    .withReports(reports.stream().map(r -> ReportSource.ofSpec(r, Path.of(""), null)).toList())
                    .withSboms(summaries)
                    .withFacts(facts(sbomPresent))
                    .withOverride(override)
                    .withFolder("");
            if (baseline != null) {
                // streamed: a baseline of any size (a large one is indexed on disk while the gate runs)
                Path file = baseline;
                String name = display(baseline);
                request = request.withBaseline(new ReportSource(name, null, () -> {
                    if (Files.isDirectory(file)) {
                        throw new FileSystemException(name, null, "is a directory, not a baseline");
                    }
                    return Files.newInputStream(file);
                }));
            }
            outcome = sarif == null ? new GateService(clock).decide(request, store) : decideWithSarif(request, store);
        }
        GateDecision d = outcome.decision();
        output.line("Gate " + output.verdict(d.verdict().name()) + DecisionPresenter.overrideSuffix(d));
        DecisionPresenter.lines(d).forEach(output::line);
        output.line("Findings: " + d.totals().findings() + " (" + outcome.report().newCount() + " new, "
                + d.fixed().size() + " fixed)");
        output.line("Report: " + store.resolve(outcome.index()));
        if (sarif != null) {
            output.line("SARIF:  " + sarif);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("verdict", d.verdict().name());
        doc.put("headline", d.headline());
        doc.put("allowsDeployment", d.allowsDeployment());
        doc.put("reasons", d.reasons().stream().map(GateReason::describe).toList());
        doc.put("relaxations", d.relaxations().stream().map(Relaxation::describe).toList());
        doc.put("next", DecisionPresenter.nextSteps(d));
        doc.put("report", store.resolve(outcome.index()).toString());
        doc.put("json", store.resolve(outcome.json()).toString());
        doc.put("baseline", store.resolve(outcome.baseline()).toString());
        doc.put("sarif", sarif == null ? null : sarif.toAbsolutePath().toString());
        output.document(doc);
        return ExitCode.of(d).code();
    }

    /** The gate streams every gated finding to the SARIF file as it writes its report (no file when it throws). */
    private GateOutcome decideWithSarif(GateRequest request, DirectoryEvidenceStore store) {
        boolean done = false;
        try {
            Path parent = sarif.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(sarif), 1 << 16)) {
                GateOutcome outcome = new GateService(clock).decide(request, store, out);
                done = true;
                return outcome;
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + sarif + ": " + IoReason.of(e), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(sarif);
                } catch (IOException ignored) {
                    // the gate's own error is the one to report
                }
            }
        }
    }

    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }
}
