package io.jenkins.plugins.securedeploy.engine;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.sbom.GeneratedSbom;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomValidator;
import io.jenkins.plugins.securedeploy.engine.sbom.ValidationReport;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every engine lookup of a schema, resource or service implementation, run once and described as text (so the
 * caller, which lives in another class loader, compares strings, not engine objects). {@link ForeignContextClassLoaderTest}
 * loads this class through a fresh class loader holding the engine and its libraries — as Jenkins loads a plugin — and
 * runs it on a thread whose context class loader cannot see them, as on a Pipeline step thread.
 */
public final class ClassLoaderProbe {
    private static final String SBOM = "/io/jenkins/plugins/securedeploy/engine/sbom/";

    private ClassLoaderProbe() {}

    /** One line per lookup: {@code name: outcome}. */
    public static List<String> run() throws IOException {
        List<String> out = new ArrayList<>();
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        out.add(attempt("policy schema (YAML policy)", () -> {
            new PolicyReader().read(("version: 1\nthresholds:\n  total:\n    high: 0\n")
                    .getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml");
            return "read";
        }));
        for (String name : List.of("valid/cyclonedx-1.4.json", "valid/cyclonedx-1.6.json", "valid/cyclonedx-1.5.xml",
                "valid/spdx-2.3.json", "valid/spdx-2.3.spdx", "invalid/invalid-doctype.xml",
                "invalid/invalid-several-problems.json", "invalid/invalid-several-problems.xml",
                "invalid/invalid-spdx-several-problems.json")) {
            out.add(attempt("sbom " + name, () -> describe(new SbomValidator().validate(
                    SbomSource.ofBytes(name, fixture(SBOM + name))))));
        }
        out.add(attempt("cyclonedx generation + validation", () -> {
            Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
            GeneratedSbom sbom = new SbomGenerator(clock, () -> UUID.fromString("3e671687-395b-41f5-a30f-a58921a69b79"))
                    .generate(new InMemoryWorkspace().with("package-lock.json", new String(
                            fixture(SBOM + "lockfiles/package-lock.json"), StandardCharsets.UTF_8)),
                            List.of("package-lock.json"), List.of(), SbomOptions.defaults());
            return describe(new SbomValidator().validate(SbomSource.ofBytes("generated.cdx.json", sbom.json())));
        }));
        out.add(attempt("report ingest (SARIF)", () -> {
            ScanResult r = ReportIngest.standard().ingest(new ByteArrayInputStream(("{\"version\":\"2.1.0\",\"runs\":"
                    + "[{\"tool\":{\"driver\":{\"name\":\"probe\"}},\"results\":[]}]}").getBytes(StandardCharsets.UTF_8)),
                    "probe.sarif", null);
            return r.status() + " " + r.findings().size();
        }));
        Path dir = Files.createTempDirectory("secure-deploy-probe");
        try {
            out.add(attempt("gate run (policy, report schema and assets)", () -> {
                InMemoryEvidenceStore store = new InMemoryEvidenceStore();
                GateOutcome o = new GateService(Clock.systemUTC()).decide(GateRequest.of(List.of())
                        .withPolicy(new NamedBytes(".secure-deploy.yml", "version: 1\n".getBytes(StandardCharsets.UTF_8)))
                        .withFacts(EvidenceFacts.NONE), store);
                return o.decision().verdict() + " " + (store.content(o.index().name()).length > 0) + " "
                        + (store.content(o.json().name()).length > 0);
            }));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return out;
    }

    private interface Lookup {
        String run() throws Exception;
    }

    private static String attempt(String name, Lookup lookup) {
        try {
            return name + ": " + lookup.run();
        } catch (Exception | LinkageError e) {
            StringBuilder why = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                why.append(why.length() == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ")
                        .append(t.getMessage());
            }
            return name + ": FAILED " + why;
        }
    }

    private static String describe(ValidationReport r) {
        return (r.valid() ? "valid" : "invalid") + " " + r.format() + " " + r.specVersion() + " "
                + r.problems().stream().map(Problem::code).sorted().toList();
    }

    private static byte[] fixture(String resource) throws IOException {
        try (InputStream in = ClassLoaderProbe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test fixture " + resource);
            }
            return in.readAllBytes();
        }
    }
}
