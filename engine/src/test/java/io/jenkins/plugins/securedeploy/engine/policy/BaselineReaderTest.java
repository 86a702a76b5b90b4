package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline is read as a stream: what the writer wrote comes back; anything else is a located problem. */
class BaselineReaderTest {
    private static Baseline read(String json) {
        return new BaselineReader().read(json.getBytes(StandardCharsets.UTF_8), "baseline.json");
    }

    private static List<String> codes(String json) {
        try {
            read(json);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(Problem::code).toList();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsBackWhatTheWriterWroteOneEntryPerFingerprintInFileOrder(@TempDir Path dir) throws IOException {
        List<Finding> findings = List.of(
                Finding.builder("bandit", "B602").title("shell").severity(Severity.HIGH).exactFingerprint("b").build(),
                Finding.builder("trivy", "CVE-1").title("old zlib").severity(Severity.CRITICAL).exactFingerprint("a")
                        .build(),
                Finding.builder("trivy", "CVE-2").title("dup").severity(Severity.LOW).exactFingerprint("a").build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BaselineWriter().write(findings, out);
        Path file = dir.resolve("baseline.json");
        Files.write(file, out.toByteArray());
        Baseline b = new BaselineReader().read(file, "baseline.json");
        assertThat(b.present()).isTrue();
        assertThat(b.entries().values()).containsExactlyElementsOf(Baseline.ofFindings(findings).entries().values()
                .stream().sorted(java.util.Comparator.comparing(BaselineEntry::fingerprint)).toList());
        assertThat(b.entries()).hasSize(2);
    }

    @Test
    void keepsTheFirstEntryOfAFingerprintAndSkipsUnknownFieldsAndValues() {
        Baseline b = read("{\"findings\": [{\"fingerprint\": \"x\", \"tool\": \"t\", \"extra\": {\"a\": [1]},"
                + " \"severity\": \"high\", \"title\": null}, {\"fingerprint\": \"x\", \"tool\": \"other\"}],"
                + " \"comment\": [1, 2], \"version\": 1, \"format\": \"secure-deploy-baseline\"}");
        assertThat(b.entries().values()).containsExactly(new BaselineEntry("x", "t", "", Severity.HIGH, ""));
    }

    @Test
    void anythingElseIsALocatedProblem(@TempDir Path dir) {
        assertThat(codes("{\"format\": \"other\", \"version\": 1, \"findings\": []}")).containsExactly(
                "baseline.format");
        assertThat(codes("{\"format\": \"secure-deploy-baseline\", \"version\": 2, \"findings\": []}"))
                .containsExactly("baseline.format");
        assertThat(codes("[1, 2]")).containsExactly("baseline.format");
        assertThat(codes("{\"format\": \"secure-deploy-baseline\", \"version\": 1, \"findings\": {}}"))
                .containsExactly("baseline.format");
        assertThatThrownBy(() -> read("{\"format\": \"secure-deploy-baseline\", \"version\": 1, \"findings\": "
                + "[{\"tool\": \"t\"}, 3]}")).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(p -> p.location().pointer()).containsExactly(
                                "/findings/0/fingerprint", "/findings/1/fingerprint"));
        assertThat(codes("")).containsExactly("json.empty");
        assertThat(codes("{\"format\": ")).hasSize(1);
        assertThat(codes("{\"format\": \"secure-deploy-baseline\", \"format\": \"x\"}")).hasSize(1);
        assertThatThrownBy(() -> new BaselineReader().read(dir.resolve("missing.json"), "missing.json"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("file.missing"));
    }
}
