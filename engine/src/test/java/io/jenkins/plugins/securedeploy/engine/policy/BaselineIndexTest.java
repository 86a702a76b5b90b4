package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline past its in-memory size is an on-disk index that answers as the map did: the same fingerprints known,
 * the first entry of a repeated fingerprint, the file's order for what is fixed, whatever the order of the input;
 * an empty, cut or garbled one is read or refused as in memory, leaving nothing on disk.
 */
class BaselineIndexTest {
    @TempDir
    Path tmp;

    private Baseline indexed(String json) {
        return new BaselineReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "base/baseline.json", 0, tmp);
    }

    private static String json(List<BaselineEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BaselineWriter().write(v -> {
            for (BaselineEntry e : entries) {
                v.visit(e);
            }
        }, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static BaselineEntry entry(String fp, String title) {
        return new BaselineEntry(fp, "trivy", "CVE-1", Severity.HIGH, title);
    }

    private long leftOnDisk() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("secure-deploy-baseline-")).count();
        }
    }

    @Test
    void unsortedEntriesWithDuplicatesAreFoundAndTheFirstOfEachIsKeptInTheFilesOrder() throws IOException {
        List<BaselineEntry> entries = List.of(entry("z", "first z"), entry("a", "a"), entry("z", "second z"),
                entry("m", "m"), entry("a", "second a"));
        try (Baseline b = indexed(json(entries))) {
            assertThat(b.isIndexed()).isTrue();
            assertThat(b.size()).isEqualTo(3);
            assertThat(b.contains("z")).isTrue();
            assertThat(b.contains("a")).isTrue();
            assertThat(b.contains("m")).isTrue();
            assertThat(b.contains("b")).isFalse();
            assertThat(b.contains("")).isFalse();
            assertThat(b.fingerprints().contains("z")).isTrue();
            assertThat(b.fingerprints().contains("q")).isFalse();
            assertThat(b.fingerprints().size()).isEqualTo(3);
            FindingTally tally = new FindingTally(Policy.DEFAULT, b, TODAY, 10);
            tally.add(Finding.builder("trivy", "CVE-1").exactFingerprint("m").build());
            assertThat(tally.fixed()).containsExactly(entry("z", "first z"), entry("a", "a"));
            assertThat(tally.fixed().get(1)).isEqualTo(entry("a", "a"));
            assertThat(tally.fixed().toString()).isEqualTo("[2 fixed entries of an indexed baseline]");
            assertThatThrownBy(() -> b.entries()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("indexed on disk");
        }
        assertThat(leftOnDisk()).as("the index is deleted when the baseline closes").isZero();
    }

    @Test
    void anEmptyBaselineIndexesNothingAndKnowsNothing() throws IOException {
        try (BaselineIndex.Builder builder = BaselineIndex.builder(tmp); BaselineIndex index = builder.build()) {
            assertThat(index.records()).isZero();
            assertThat(index.distinct()).isZero();
            assertThat(index.lookup("anything")).isEqualTo(-1);
            assertThat(index.countUnseen()).isZero();
        }
        try (Baseline b = indexed(json(List.of()))) {
            assertThat(b.present()).isTrue();
            assertThat(b.size()).isZero();
            assertThat(b.contains("x")).isFalse();
        }
        assertThat(leftOnDisk()).isZero();
    }

    @Test
    void aHundredThousandRandomFingerprintsAnswerAsTheMapDoes() throws IOException {
        Random r = new Random(18);
        List<BaselineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            entries.add(entry("sha256:" + Long.toHexString(r.nextLong()) + (i % 7 == 0 ? "-" + i : ""), "t" + i));
        }
        entries.addAll(entries.subList(0, 1000)); // repeated
        Collections.shuffle(entries, r);
        String json = json(entries);
        Baseline memory = new BaselineReader().read(json.getBytes(StandardCharsets.UTF_8), "baseline.json");
        try (Baseline disk = indexed(json)) {
            assertThat(disk.size()).isEqualTo(memory.size()).isEqualTo(100_000);
            for (BaselineEntry e : entries) {
                assertThat(disk.contains(e.fingerprint())).isTrue();
            }
            for (int i = 0; i < 10_000; i++) {
                String absent = "sha256:" + Long.toHexString(r.nextLong()) + "x";
                assertThat(disk.contains(absent)).isEqualTo(memory.contains(absent)).isFalse();
            }
            // every third entry seen: the fixed ones are those of the map, in the same order
            FindingTally onDisk = new FindingTally(Policy.DEFAULT, disk, TODAY, 10);
            FindingTally inMemory = new FindingTally(Policy.DEFAULT, memory, TODAY, 10);
            for (int i = 0; i < entries.size(); i += 3) {
                Finding f = Finding.builder("trivy", "CVE-1").exactFingerprint(entries.get(i).fingerprint()).build();
                onDisk.add(f);
                inMemory.add(f);
            }
            assertThat(onDisk.totals()).isEqualTo(inMemory.totals());
            assertThat(new ArrayList<>(onDisk.fixed())).isEqualTo(inMemory.fixed());
        }
    }

    @Test
    void aForkMarksSeenOnlyWhenAbsorbedAndDroppedForksAreForgottenAcrossGenerations() throws IOException {
        List<BaselineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add(entry("fp" + i, "t" + i));
        }
        try (Baseline b = indexed(json(entries))) {
            FindingTally tally = new FindingTally(Policy.DEFAULT, b, TODAY, 10);
            // 150 forks (more than the 63 generations): even ones absorbed, odd ones dropped (their reports broke)
            for (int i = 0; i < 150; i++) {
                FindingTally fork = tally.fork();
                FindingOutcome o = fork.add(Finding.builder("trivy", "CVE-1").exactFingerprint("fp" + i).build());
                assertThat(o.isNew()).isFalse();
                if (i % 2 == 0) {
                    tally.absorb(fork);
                }
            }
            tally.add(Finding.builder("trivy", "CVE-1").exactFingerprint("fp199").build());
            List<String> fixed = tally.fixed().stream().map(BaselineEntry::fingerprint).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 199; i++) {
                if (i >= 150 || i % 2 == 1) {
                    expected.add("fp" + i);
                }
            }
            assertThat(fixed).isEqualTo(expected);
            assertThat(tally.totals().findings()).isEqualTo(76);
        }
    }

    @Test
    void aCutBaselineIsRefusedNamingTheFileAndLeavesNoIndex() throws IOException {
        List<BaselineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(entry("fp" + i, "t" + i));
        }
        String json = json(entries);
        String cut = json.substring(0, json.length() / 2);
        assertThatThrownBy(() -> indexed(cut)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::describe)
                        .anySatisfy(d -> assertThat(d).contains("base/baseline.json")));
        assertThat(leftOnDisk()).isZero();
    }

    @Test
    void aGarbledBaselineIsRefusedNamingTheFieldAndLeavesNoIndex() throws IOException {
        StringBuilder json = new StringBuilder("{\"format\": \"" + BaselineWriter.FORMAT
                + "\", \"version\": 1, \"findings\": [");
        for (int i = 0; i < 300; i++) {
            json.append(i == 0 ? "" : ",").append(i == 250 || i >= 280 ? "{\"title\": \"no fp\"}"
                    : "{\"fingerprint\": \"fp" + i + "\"}");
        }
        String text = json.append("]}").toString();
        assertThatThrownBy(() -> indexed(text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).first()
                        .satisfies(p -> assertThat(p.describe()).contains("base/baseline.json",
                                "/findings/250/fingerprint", "entry has no fingerprint")));
        assertThat(leftOnDisk()).isZero();
        assertThatThrownBy(() -> indexed(text.replace("\"version\": 1", "\"version\": 2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/format");
        assertThat(leftOnDisk()).isZero();
    }

    @Test
    void problemsPastAHundredAreCounted() {
        StringBuilder json = new StringBuilder("{\"format\": \"" + BaselineWriter.FORMAT
                + "\", \"version\": 1, \"findings\": [");
        for (int i = 0; i < 250; i++) {
            json.append(i == 0 ? "" : ",").append("{}");
        }
        String text = json.append("]}").toString();
        assertThatThrownBy(() -> indexed(text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    List<Problem> problems = ((InvalidInputException) e).problems();
                    assertThat(problems).hasSize(BaselineReader.MAX_PROBLEMS + 1);
                    assertThat(problems.get(BaselineReader.MAX_PROBLEMS).describe())
                            .contains("and 150 more entries have no fingerprint");
                });
    }

    @Test
    void aClosedIndexSaysSoInsteadOfReadingAGoneFile() throws IOException {
        Baseline b = indexed(json(List.of(entry("a", "a"), entry("b", "b"))));
        FindingTally tally = new FindingTally(Policy.DEFAULT, b, TODAY, 10);
        List<BaselineEntry> fixed = tally.fixed();
        b.close();
        b.close();
        assertThat(fixed).hasSize(2);
        assertThatThrownBy(() -> fixed.iterator().hasNext()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> b.contains("a")).isInstanceOf(IllegalStateException.class);
        assertThat(Arrays.asList(BaselineIndex.DUPLICATE, BaselineIndex.SEEN)).doesNotHaveDuplicates();
    }
}
