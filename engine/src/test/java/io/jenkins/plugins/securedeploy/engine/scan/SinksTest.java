package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.FormatDetector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sink protocol's own types, and deferral of elements that wait for later context. */
class SinksTest {
    private static Problem note(int i) {
        return Problem.of("x.note", "note " + i, Location.ofFile("r.json"));
    }

    @Test
    void collectingSinkKeepsWarningsOnAnOkResultAndProblemsMakeItAnError() {
        CollectingSink ok = new CollectingSink();
        ok.accept(Finding.builder("t", "r").severity(Severity.LOW).build());
        ok.warning(note(1));
        ok.end(new ReportEnd("t", "1.0"));
        ScanResult r = ok.result("r.json");
        assertThat(r.status()).isEqualTo(ScanResult.Status.OK);
        assertThat(r.problems()).containsExactly(note(1));
        assertThat(r.toolVersion()).isEqualTo("1.0");

        CollectingSink bad = new CollectingSink();
        bad.warning(note(2));
        bad.problem(note(3));
        bad.end(new ReportEnd("t", ""));
        assertThat(bad.result("r.json").status()).isEqualTo(ScanResult.Status.ERROR);
        assertThat(bad.result("r.json").problems()).containsExactly(note(3), note(2));
    }

    @Test
    void collectingSinkCapsNotesAndSaysHowManyMore() {
        CollectingSink sink = new CollectingSink();
        for (int i = 0; i < CollectingSink.MAX_NOTES + 5; i++) {
            sink.problem(note(i));
            sink.warning(note(i));
        }
        sink.end(new ReportEnd("t", ""));
        List<Problem> notes = sink.result("r.json").problems();
        assertThat(notes).hasSize(2 * CollectingSink.MAX_NOTES + 2);
        assertThat(notes).extracting(Problem::code).contains("report.more-problems", "report.more-warnings");
        assertThat(notes).filteredOn(p -> p.code().startsWith("report.more")).allSatisfy(p ->
                assertThat(p.message()).startsWith("5 more"));
    }

    @Test
    void aParserMustEndOnceBeforeAResultExists() {
        CollectingSink sink = new CollectingSink();
        assertThat(sink.ended()).isFalse();
        assertThatThrownBy(() -> sink.result("r.json")).isInstanceOf(IllegalStateException.class);
        sink.end(new ReportEnd("t", ""));
        assertThatThrownBy(() -> sink.end(new ReportEnd("t", ""))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ReportEnd(" ", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countingSinkCountsPerSeverity() {
        CountingSink sink = new CountingSink();
        sink.accept(Finding.builder("t", "a").severity(Severity.HIGH).build());
        sink.accept(Finding.builder("t", "b").severity(Severity.HIGH).build());
        sink.accept(Finding.builder("t", "c").severity(Severity.UNKNOWN).build());
        sink.problem(note(1));
        sink.warning(note(2));
        assertThat(sink.findings()).isEqualTo(3);
        assertThat(sink.count(Severity.HIGH)).isEqualTo(2);
        assertThat(sink.bySeverity()).containsOnlyKeys(Severity.HIGH, Severity.UNKNOWN);
        assertThat(sink.problems()).isEqualTo(1);
        assertThat(sink.warnings()).isEqualTo(1);
        assertThat(sink.end()).isNull();
    }

    @Test
    void deferredElementsSpillToAFileBeyondTheMemoryLimitAndReplayInOrder() throws Exception {
        String filler = "f".repeat(1000);
        StringBuilder doc = new StringBuilder("[");
        int n = DeferredElementsReader.MEMORY_BYTES / 1000 + 500;
        for (int i = 0; i < n; i++) {
            doc.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append(",\"f\":\"").append(filler).append("\"}");
        }
        doc.append("]");
        List<Integer> seen = new ArrayList<>();
        try (JsonParser p = Json.strict().parser(new ByteArrayInputStream(doc.toString().getBytes(StandardCharsets.UTF_8)));
                DeferredElementsReader deferred = new DeferredElementsReader("/items")) {
            p.nextToken();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                deferred.add(p);
            }
            assertThat(deferred.size()).isEqualTo(n);
            deferred.replay("r.json", (e, index) -> {
                JsonReportParser.fields(e, "r.json", "an item", f -> {
                    if ("i".equals(f)) {
                        seen.add(e.getIntValue());
                    }
                });
                assertThat(index).isEqualTo(seen.size() - 1L);
            });
        }
        assertThat(seen).hasSize(n).first().isEqualTo(0);
        assertThat(seen.get(n - 1)).isEqualTo(n - 1);
    }

    @Test
    void deferredRecordsSpillToAFileBeyondTheMemoryLimitAndReplayInOrder() throws Exception {
        String filler = "r".repeat(1000);
        int n = DeferredElementsReader.MEMORY_BYTES / 1000 + 500;
        List<Long> seen = new ArrayList<>();
        try (DeferredRecords deferred = new DeferredRecords()) {
            for (int i = 0; i < n; i++) {
                deferred.add().writeLong(i);
                deferred.add().writeString(filler + i);
            }
            assertThat(deferred.size()).isEqualTo(2L * n);
            deferred.replay((in, index) -> {
                if (index % 2 == 0) {
                    seen.add(in.readLong());
                } else {
                    assertThat(in.readString()).isEqualTo(filler + seen.get(seen.size() - 1));
                }
            });
            assertThat(deferred.size()).isZero();
            deferred.replay((in, index) -> seen.add(-1L)); // freed: nothing replays twice
        }
        assertThat(seen).hasSize(n).first().isEqualTo(0L);
        assertThat(seen.get(n - 1)).isEqualTo(n - 1L);
    }

    @Test
    void problemsFoundWhileReplayingKeepTheirPointerButNoLine() throws Exception {
        try (JsonParser p = Json.strict().parser(new ByteArrayInputStream("[{\"a\":1},{\"a\":\"x\"}]"
                .getBytes(StandardCharsets.UTF_8)));
                DeferredElementsReader deferred = new DeferredElementsReader("/matches")) {
            p.nextToken();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                deferred.add(p);
            }
            assertThatThrownBy(() -> deferred.replay("r.json", (e, i) -> JsonReportParser.fields(e, "r.json", "x",
                    f -> JsonReportParser.number(e, "r.json", "a"))))
                    .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
                        Location at = ex.problems().get(0).location();
                        assertThat(at.pointer()).isEqualTo("/matches/1/a");
                        assertThat(at.line()).isZero();
                        assertThat(at.file()).isEqualTo("r.json");
                    });
        }
    }

    @Test
    void theFileNameIsTheLastSegmentInLowerCase() {
        assertThat(FormatDetector.fileName("out\\\\Gitleaks-Report.json")).isEqualTo("gitleaks-report.json");
        assertThat(FormatDetector.fileName("a/b/c.json")).isEqualTo("c.json");
        assertThat(FormatDetector.fileName(null)).isEmpty();
    }
}
