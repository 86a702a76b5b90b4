package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.cli.host.DirectoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.sbom.GeneratedSbom;
import io.jenkins.plugins.securedeploy.engine.sbom.LockfileFinder;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.runner.DefaultToolSpecs;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ScanService;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanOptions;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main job on a sample project, as a sequence of engine services: record the artifacts' digests, scan (built-in
 * secret scanner, bandit, shellcheck — a missing or crashing tool is an ERROR), generate the SBOM bound to the
 * artifacts, gate on the project's policy, and mask every written file with the job's secrets before it is kept.
 * Returns the gate outcome; every step reports through {@code progress}.
 */
public final class DemoJob {
    /** Where the job reads and writes. {@code secrets} are what a CI would inject (masked everywhere). */
    public record Request(Path project, Path out, Duration toolTimeout, List<SecretValue> secrets) {}

    /** What the job produced. */
    public record Result(GateOutcome gate, List<ScanResult> scans, Path sbom, Path report,
            List<ArtifactRef> artifacts, GateRequest request) {}

    private final Clock clock;

    public DemoJob(Clock clock) {
        this.clock = clock;
    }

    public Result run(Request r, Consumer<String> progress) throws IOException {
        FileSystemWorkspace workspace = new FileSystemWorkspace(r.project());
        SecretMasker masker = SecretMasker.of(r.secrets());

        List<ArtifactRef> artifacts = new ArrayList<>();
        List<EvidenceEntry> evidence = new ArrayList<>();
        for (String name : workspace.list("dist/**")) {
            Path file = workspace.localPath(name).orElseThrow();
            DigestSet digests = Hashing.file(file);
            artifacts.add(new ArtifactRef(name, digests, Files.size(file)));
            evidence.add(new EvidenceEntry("artifact", name, digests.sha256().toString(), "built"));
            progress.accept("artifact   " + digests.sha256() + "  " + name);
        }

        List<ScanResult> scans = new ArrayList<>();
        scans.add(new SecretScanner().scan(workspace, SecretScanOptions.defaults().plusExcludes(List.of("dist/**"))));
        ScanService tools = new ScanService();
        scans.add(tools.scan(DefaultToolSpecs.bandit(List.of("-r", "src"), r.toolTimeout()), r.project()).result());
        List<String> scripts = workspace.list("**.sh");
        if (!scripts.isEmpty()) {
            scans.add(tools.scan(DefaultToolSpecs.shellcheck(scripts, r.toolTimeout()), r.project()).result());
        }
        for (ScanResult s : scans) {
            progress.accept(String.format(java.util.Locale.ROOT, "scan       %-22s %s, %d findings", s.tool(),
                    s.status(), s.findings().size()));
        }

        SbomGenerator generator = new SbomGenerator(clock, java.util.UUID::randomUUID);
        GeneratedSbom sbom = generator.generate(workspace, new LockfileFinder().find(r.project()), artifacts,
                SbomOptions.defaults().withProject("sample-app", "1.0.0"));
        DirectoryEvidenceStore store = DirectoryEvidenceStore.create(r.out(), "output folder", masker);
        EvidenceRef sbomRef = store.store("sbom.cdx.json", "application/vnd.cyclonedx+json", sbom.json());
        progress.accept("sbom       " + sbom.summary().sha256() + "  " + sbom.summary().componentCount()
                + " components");

        Path policy = r.project().resolve(".secure-deploy.yml");
        GateRequest request = GateRequest.of(scans)
                .withPolicy(Files.isRegularFile(policy) ? NamedBytes.read(policy, ".secure-deploy.yml", "policy file")
                        : null)
                .withSboms(List.of(sbom.summary()))
                .withEvidence(evidence);
        GateOutcome gate = new GateService(clock).decide(request.withFolder("report"), store);
        return new Result(gate, scans, store.resolve(sbomRef), store.resolve(gate.index()), artifacts, request);
    }
}
