package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.registry.FormatDetector;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus case ({@link ReportCorpus}) of every format, one dynamic test each: read with its own parser it gives
 * exactly the expected status and per-severity counts (or is refused with a located problem), and auto-detection
 * (content plus file name, as {@link ReportIngest} does) picks the expected format — the same counts again.
 */
class ReportCorpusTest {
    private static final ReportIngest INGEST = ReportIngest.standard();

    @TestFactory
    Stream<DynamicNode> everyCorpusReportReadsAsExpected() {
        return ScannerRegistry.standard().all().stream().map(d -> DynamicContainer.dynamicContainer(d.id(),
                ReportCorpus.cases(d).stream().map(c -> DynamicTest.dynamicTest(c.report().getFileName().toString(),
                        c.report().toUri(), () -> check(c)))));
    }

    @Test
    void everyFormatHasACorpus() {
        for (ScannerDescriptor d : ScannerRegistry.standard().all()) {
            List<ReportCorpus.Case> cases = ReportCorpus.cases(d);
            assertThat(cases).as("corpus of %s", d.id()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(cases).as("%s has a clean report", d.id())
                    .anySatisfy(c -> assertThat(c.readable() && total(c.counts()) == 0).isTrue());
            assertThat(cases).as("%s has a report with findings", d.id())
                    .anySatisfy(c -> assertThat(total(c.counts())).isPositive());
        }
    }

    private static void check(ReportCorpus.Case c) {
        byte[] bytes = c.bytes();
        String name = c.report().getFileName().toString();
        if (!c.readable()) {
            try {
                ScanResult r = c.descriptor().createParser().parse(new ByteArrayInputStream(bytes), name);
                assertThat(r.isError()).as("%s must be refused, got %s with %d findings", c.name(), r.status(),
                        r.findings().size()).isTrue();
                assertCode(c, r.problems());
            } catch (InvalidInputException e) {
                assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(name));
                assertCode(c, e.problems());
            }
        } else {
            ScanResult r = c.descriptor().createParser().parse(new ByteArrayInputStream(bytes), name);
            assertThat(r.status().name()).as("status of %s: %s", c.name(), r.problems()).isEqualTo(c.status());
            assertThat(counts(r)).as("per-severity counts of %s", c.name()).isEqualTo(c.counts());
            assertCode(c, r.problems());
            CountingSink counting = new CountingSink();
            c.descriptor().createParser().parse(new ByteArrayInputStream(bytes), name, counting);
            assertThat(counting.findings()).as("a counting sink sees the same findings").isEqualTo(total(c.counts()));
            assertThat(counting.ended()).isTrue();
        }
        ScanResult detected = INGEST.ingest(new ByteArrayInputStream(bytes), "reports/" + name, null);
        if ("none".equals(c.detect())) {
            assertThat(detected.isError()).as("auto-detecting %s must fail", c.name()).isTrue();
            return;
        }
        assertThat(detected.problems()).as("auto-detection of %s", c.name())
                .noneMatch(p -> p.code().startsWith("report.unknown-format")
                        || p.code().startsWith("report.ambiguous-format"));
        String detectedId = INGEST.detector().detect(FormatDetector.head(bytes, bytes.length), "reports/" + name).id();
        assertThat(detectedId).as("format detected for %s", c.name()).isEqualTo(c.detect());
        if (c.readable() && c.detect().equals(c.descriptor().id())) {
            assertThat(detected.status().name()).as("status of %s when detected", c.name()).isEqualTo(c.status());
            assertThat(counts(detected)).as("counts of %s when detected", c.name()).isEqualTo(c.counts());
        }
    }

    private static void assertCode(ReportCorpus.Case c, List<Problem> problems) {
        if (!c.code().isEmpty()) {
            assertThat(problems).as("problems of %s", c.name()).extracting(Problem::code).contains(c.code());
        }
    }

    static Map<Severity, Integer> counts(ScanResult r) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        r.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    static int total(Map<Severity, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
