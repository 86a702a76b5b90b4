package io.jenkins.plugins.securedeploy.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.sbom.GeneratedSbom;
import io.jenkins.plugins.securedeploy.engine.sbom.LockfileContents;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomComponent;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomDependency;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomValidator;
import io.jenkins.plugins.securedeploy.engine.sbom.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SBOM generation and validation.
 * <ul>
 * <li>{@code generate10k}: SbomGenerator (cyclonedx-core-java model + generator) for 10,000 npm components with
 * SHA-512, license, purl and a dependency chain; target &lt; 1 s. Baseline {@code jacksonBaseline10k}: the same
 * component list written as CycloneDX-shaped JSON with a plain Jackson streaming generator — the ratio is the cost
 * of going through the CycloneDX library.</li>
 * <li>{@code validate50MB}: SbomValidator on a ~50 MB CycloneDX 1.6 JSON (85k components) in a JVM forked with
 * {@code -Xmx256m}: finishing at all shows heap is bounded well below the document's tree size; the peak heap
 * after GC is printed at tear-down.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SbomBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
public class SbomBenchmark {
    static final int COMPONENTS = 10_000;
    static final int LARGE_COMPONENTS = 85_000;

    private List<SbomComponent> components;
    private LockfileContents lockfile;
    private SbomGenerator generator;
    private Path large;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        components = components(COMPONENTS);
        List<SbomDependency> deps = new ArrayList<>();
        for (int i = 0; i + 1 < components.size(); i++) {
            deps.add(new SbomDependency(components.get(i).bomRef(), List.of(components.get(i + 1).bomRef())));
        }
        lockfile = new LockfileContents("package-lock.json", "npm", components, deps);
        generator = new SbomGenerator(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC),
                () -> new UUID(1, 2));
        large = Files.createTempFile("sbom-50mb", ".json");
        try (OutputStream out = Files.newOutputStream(large)) {
            writeBaseline(components(LARGE_COMPONENTS), out);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long size = Files.size(large);
        Files.deleteIfExists(large);
        StringBuilder peaks = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peaks.append(", ").append(pool.getName()).append(" peak ").append(pool.getPeakUsage().getUsed() >> 20)
                        .append(" MiB");
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%n[SbomBenchmark] large SBOM %d MB, max heap %d MiB%s%n", size / 1_000_000,
                Runtime.getRuntime().maxMemory() >> 20, peaks);
    }

    static List<SbomComponent> components(int n) {
        List<SbomComponent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = "package-" + i;
            String version = (i % 7) + "." + (i % 13) + "." + (i % 29);
            String purl = "pkg:npm/" + name + "@" + version;
            String sha512 = HexFormat.of().formatHex(Hashing.bytes(purl.getBytes(StandardCharsets.UTF_8))
                    .digests().values().stream().filter(d -> d.hex().length() == 128).findFirst().orElseThrow().bytes());
            out.add(new SbomComponent("npm", "", name, version, purl, List.of(i % 3 == 0 ? "Apache-2.0" : "MIT"),
                    Map.of("SHA-512", sha512), "required", purl));
        }
        return out;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = "-Xmx1g")
    public byte[] generate10k() {
        GeneratedSbom sbom = generator.generate(List.of(lockfile), List.of(), SbomOptions.defaults());
        return sbom.json();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = "-Xmx1g")
    public byte[] jacksonBaseline10k() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        writeBaseline(components, out);
        return out.toByteArray();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    @Fork(value = 1, jvmArgsAppend = "-Xmx256m")
    public boolean validate50MB() {
        ValidationReport report = new SbomValidator().validate(SbomSource.ofPath(large));
        if (!report.valid()) {
            throw new IllegalStateException("benchmark SBOM is invalid: " + report.problems().get(0).describe());
        }
        return report.valid();
    }

    /** CycloneDX 1.6-shaped JSON, written with Jackson's streaming generator only. */
    static void writeBaseline(List<SbomComponent> components, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("bomFormat", "CycloneDX");
            g.writeStringField("specVersion", "1.6");
            g.writeStringField("serialNumber", "urn:uuid:" + new UUID(1, 2));
            g.writeNumberField("version", 1);
            g.writeObjectFieldStart("metadata");
            g.writeStringField("timestamp", "2026-01-15T10:00:00Z");
            g.writeEndObject();
            g.writeArrayFieldStart("components");
            for (SbomComponent c : components) {
                g.writeStartObject();
                g.writeStringField("type", "library");
                g.writeStringField("bom-ref", c.bomRef());
                g.writeStringField("name", c.name());
                g.writeStringField("version", c.version());
                g.writeStringField("scope", c.scope());
                g.writeArrayFieldStart("hashes");
                for (Map.Entry<String, String> h : c.hashes().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("alg", h.getKey());
                    g.writeStringField("content", h.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("licenses");
                for (String l : c.licenses()) {
                    g.writeStartObject();
                    g.writeObjectFieldStart("license");
                    g.writeStringField("id", l);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("purl", c.purl());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dependencies");
            for (int i = 0; i + 1 < components.size(); i++) {
                g.writeStartObject();
                g.writeStringField("ref", components.get(i).bomRef());
                g.writeArrayFieldStart("dependsOn");
                g.writeString(components.get(i + 1).bomRef());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
