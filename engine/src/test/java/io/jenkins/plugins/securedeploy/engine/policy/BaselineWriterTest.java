package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * baseline.json lists one entry per line, each compact (grep prints a whole entry, diff shows one line per changed
 * one), sorted by fingerprint, the rest pretty-printed as before; it reads back to the same entries, in memory and
 * through the on-disk index of a large baseline.
 */
class BaselineWriterTest {
    private static final String EOL = System.lineSeparator();
    private static final String NASTY = "say \"hi\" C:\\temp \t\n\u0000\u001f é € \uD83D\uDE00 </script>";

    @TempDir
    Path tmp;

    private static List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        all.add(Finding.builder("trivy", "CVE-2024-1").title(NASTY).severity(Severity.CRITICAL).build());
        all.add(Finding.builder("semgrep", "rule\\x").title("plain").severity(Severity.LOW).build());
        all.add(Finding.builder("grype", "CVE-\"2\"").title("").severity(Severity.UNKNOWN).build());
        return all;
    }

    private static byte[] write(List<Finding> findings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BaselineWriter().write(findings, out);
        return out.toByteArray();
    }

    @Test
    void listsOneCompactEntryPerLine() throws IOException {
        byte[] bytes = write(findings());
        String json = new String(bytes, StandardCharsets.UTF_8);
        ObjectMapper mapper = Json.strict().mapper();
        JsonNode tree = mapper.readTree(bytes);
        List<String> lines = new ArrayList<>();
        for (JsonNode e : tree.get("findings")) {
            lines.add("    " + new String(mapper.writeValueAsBytes(e), StandardCharsets.UTF_8));
        }
        assertThat(lines).hasSize(3);
        assertThat(json).isEqualTo("{" + EOL + "  \"format\" : \"secure-deploy-baseline\"," + EOL
                + "  \"version\" : 1," + EOL + "  \"findings\" : [" + EOL + String.join("," + EOL, lines) + EOL
                + "  ]" + EOL + "}");
        List<String> fingerprints = new ArrayList<>();
        List<String> fileLines = json.lines().toList();
        for (int i = 0; i < 3; i++) {
            String line = fileLines.get(4 + i);
            JsonNode alone = mapper.readTree(line.substring(4, line.length() - (i < 2 ? 1 : 0)));
            assertThat(alone).isEqualTo(tree.get("findings").get(i));
            assertThat(alone.fieldNames()).toIterable()
                    .containsExactly("fingerprint", "tool", "ruleId", "severity", "title");
            fingerprints.add(alone.get("fingerprint").asText());
        }
        assertThat(fingerprints).isSorted();
        assertThat(json).contains("\"tool\":\"semgrep\",\"ruleId\":\"rule\\\\x\",\"severity\":\"LOW\",\"title\":\"plain\"}",
                "\\u0000", "\\\"hi\\\"");
    }

    @Test
    void anEmptyBaselineKeepsJacksonsEmptyArray() throws IOException {
        assertThat(new String(write(List.of()), StandardCharsets.UTF_8)).isEqualTo("{" + EOL
                + "  \"format\" : \"secure-deploy-baseline\"," + EOL + "  \"version\" : 1," + EOL
                + "  \"findings\" : [ ]" + EOL + "}");
    }

    @Test
    void readsBackToTheSameEntriesInMemoryAndIndexedOnDisk() throws IOException {
        byte[] bytes = write(findings());
        List<BaselineEntry> expected = Baseline.ofFindings(findings()).entries().values().stream()
                .sorted(java.util.Comparator.comparing(BaselineEntry::fingerprint)).toList();
        Baseline inMemory = new BaselineReader().read(bytes, "baseline.json");
        assertThat(inMemory.isIndexed()).isFalse();
        assertThat(new ArrayList<>(inMemory.entries().values())).isEqualTo(expected);
        try (Baseline indexed = new BaselineReader().read(new ByteArrayInputStream(bytes), "baseline.json", 0, tmp)) {
            assertThat(indexed.isIndexed()).isTrue();
            assertThat(indexed.size()).isEqualTo(3);
            FindingTally tally = new FindingTally(Policy.DEFAULT, indexed, TODAY, 10);
            assertThat(tally.fixed()).isEqualTo(expected);
        }
    }
}
