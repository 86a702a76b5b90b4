package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.report.ReportFixtures;
import io.jenkins.plugins.securedeploy.engine.report.SpooledFindingWriter;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spool's packed keys and byte comparisons order exactly as the comparator of the findings themselves did (worst
 * first, then tool, fingerprint, arrival; the baseline by fingerprint, its first finding): random findings with every
 * severity, tools that sort before and after each other, fingerprints that tie, share long prefixes, are prefixes of
 * each other or hold characters around the packing's limits (U+00FD..U+0100, escapes, surrogates); sorted in memory
 * and through many runs merged in several passes.
 */
class GateSpoolOrderTest {
    /** What the in-memory report sorted by (then arrival). */
    private static final Comparator<Finding> REPORT = Comparator
            .comparingInt((Finding f) -> -f.severity().gateRank()).thenComparing(Finding::tool)
            .thenComparing(Finding::fingerprint);
    private static final List<Waiver> WAIVERS = ReportFixtures.policy().waivers();
    private static final String CHARS = "ab09:-z \"\\\n\u00e9\u00fd\u00fe\u00ff\u0100\u20ac\ud83d\ude00\ud800";

    private static String text(Random random, int max, boolean wild) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            sb.append(CHARS.charAt(random.nextInt(wild ? CHARS.length() : 5)));
        }
        return sb.toString();
    }

    private static String fingerprint(Random random, List<String> earlier) {
        if (!earlier.isEmpty() && random.nextInt(4) == 0) {
            String same = earlier.get(random.nextInt(earlier.size()));
            return random.nextBoolean() ? same : same + text(random, 2, random.nextBoolean()); // a longer one
        }
        String prefix = switch (random.nextInt(4)) {
            case 0 -> "sha256:";
            case 1 -> "sha256:0123456789";
            case 2 -> "";
            default -> "s";
        };
        String fp = prefix + text(random, 12, random.nextInt(3) == 0);
        return fp.isBlank() ? fp + "x" : fp;
    }

    static List<FindingOutcome> outcomes(long seed, int n, int tools) {
        Random random = new Random(seed);
        List<String> toolNames = new ArrayList<>();
        for (int t = 0; t < tools; t++) {
            toolNames.add(t % 7 == 3 ? "t\u00e9\"" + t : "tool-" + (char) ('z' - t % 26) + t);
        }
        List<String> fps = new ArrayList<>();
        List<Waiver> waivers = WAIVERS;
        List<FindingOutcome> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String fp = fingerprint(random, fps);
            fps.add(fp);
            FindingBuilder b = Finding.builder(toolNames.get(random.nextInt(tools)), "rule-" + random.nextInt(5))
                    .title(text(random, 30, random.nextBoolean()))
                    .severity(Severity.values()[random.nextInt(Severity.values().length)])
                    .category(Category.values()[random.nextInt(Category.values().length)])
                    .location(new Location("src/" + text(random, 10, false), "", random.nextInt(500), 0));
            b.toolFingerprint(fp);
            Finding f = b.build();
            f = new Finding(f.tool(), f.ruleId(), f.title(), f.severity(), f.score(), f.category(), f.ids(),
                    f.pkg(), f.location(), fp); // the fingerprint as it is, to control prefixes and ties
            Waiver w = random.nextInt(4) == 0 ? waivers.get(random.nextInt(waivers.size())) : null;
            all.add(new FindingOutcome(f, random.nextBoolean(), w, null, random.nextBoolean()));
        }
        return all;
    }

    private static List<FindingOutcome> spooled(List<FindingOutcome> all, int chunk) throws IOException {
        List<FindingOutcome> read = new ArrayList<>();
        try (GateSpool spool = GateSpool.open(WAIVERS, chunk, true)) {
            for (FindingOutcome o : all) {
                spool.add(0, o);
            }
            spool.findings(read::add);
        }
        return read;
    }

    private static List<FindingOutcome> sorted(List<FindingOutcome> all) {
        List<FindingOutcome> expected = new ArrayList<>(all);
        expected.sort(Comparator.comparing(FindingOutcome::finding, REPORT)); // stable: arrival breaks ties
        return expected;
    }

    @Test
    void theReportOrderIsTheComparatorsInMemoryAndThroughManyRunsInSeveralPasses() throws IOException {
        List<FindingOutcome> all = outcomes(18, 6000, 5);
        List<FindingOutcome> expected = sorted(all);
        assertThat(spooled(all, 100_000)).as("one chunk, in memory").isEqualTo(expected);
        assertThat(spooled(all, 500)).as("12 runs").isEqualTo(expected);
        assertThat(spooled(all, 40)).as("150 runs, merged in passes").isEqualTo(expected);
        assertThat(spooled(all, 1)).as("a run per finding").isEqualTo(expected);
    }

    @Test
    void findingsLargerThanARunsBufferAreLaidOutAsTheWriterEncodesThem() throws IOException {
        List<FindingOutcome> all = new ArrayList<>(outcomes(3, 300, 2));
        Finding big = all.get(7).finding();
        all.set(7, new FindingOutcome(new Finding(big.tool(), big.ruleId(), "t\u00e9xt ".repeat(40_000),
                big.severity(), 7.5, big.category(), List.of("CVE-1", "x\"y"), big.pkg(), big.location(),
                big.fingerprint()), true, null, WAIVERS.get(0), true));
        SpooledFindingWriter writer = new SpooledFindingWriter();
        List<String> expected = new ArrayList<>();
        for (FindingOutcome o : sorted(all)) {
            expected.add(new String(writer.encode(o), java.nio.charset.StandardCharsets.UTF_8));
        }
        for (int chunk : new int[] {1000, 2}) {
            List<String> laidOut = new ArrayList<>();
            try (GateSpool spool = GateSpool.open(WAIVERS, chunk, false)) {
                for (FindingOutcome o : all) {
                    spool.add(0, o);
                }
                spool.findingJson((b, off, len) -> laidOut.add(new String(b, off, len,
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
            assertThat(laidOut).as("chunk " + chunk).isEqualTo(expected);
        }
    }

    @Test
    void moreToolsThanTheKeyTellsApartStillSortByTool() throws IOException {
        List<FindingOutcome> all = outcomes(21, 9000, SpoolOrder.TOOLS + 50);
        List<FindingOutcome> expected = sorted(all);
        assertThat(spooled(all, 3000)).isEqualTo(expected);
        assertThat(spooled(all, 100_000)).isEqualTo(expected);
    }

    @Test
    void aPackedKeyNeverOrdersTwoRecordsOtherThanTheComparator() {
        List<FindingOutcome> all = outcomes(7, 700, 4);
        List<String> tools = new ArrayList<>();
        for (FindingOutcome o : all) {
            if (!tools.contains(o.finding().tool())) {
                tools.add(o.finding().tool());
            }
        }
        SpooledFindingWriter writer = new SpooledFindingWriter();
        byte[] records = new byte[0];
        int[] offsets = new int[all.size()];
        int used = 0;
        for (int i = 0; i < all.size(); i++) {
            int n = writer.compact(all.get(i));
            records = Arrays.copyOf(records, used + 12 + n);
            int tool = tools.indexOf(all.get(i).finding().tool());
            records[used + 7] = (byte) tool;
            System.arraycopy(writer.compacted(), 0, records, used + 12, n);
            offsets[i] = used;
            used += 12 + n;
        }
        for (boolean report : new boolean[] {true, false}) {
            SpoolOrder order = report ? SpoolOrder.report(12, tools) : SpoolOrder.baseline(12);
            Comparator<Finding> expected = report ? REPORT : Comparator.comparing(Finding::fingerprint);
            long[] keys = new long[all.size()];
            order.keys(records, offsets, all.size(), keys);
            int decided = 0;
            int decidedEqual = 0;
            for (int i = 0; i < all.size(); i++) {
                for (int j = 0; j < all.size(); j++) {
                    int want = Integer.signum(expected.compare(all.get(i).finding(), all.get(j).finding()));
                    String pair = all.get(i).finding().fingerprint() + " vs " + all.get(j).finding().fingerprint();
                    if (Integer.signum(order.compare(records, offsets[i], records, offsets[j])) != want) {
                        fail("compare: " + pair);
                    }
                    long[][] both = {{keys[i], keys[j]}, {order.key(records, offsets[i]), order.key(records,
                            offsets[j])}};
                    for (long[] k : both) {
                        if (k[0] < 0 || k[1] < 0) {
                            fail("a negative key: " + pair);
                        }
                        if (k[0] != k[1]) {
                            decided++;
                            if (Long.signum(k[0] - k[1]) != want) {
                                fail("key: " + pair);
                            }
                        } else if (order.decides(k[0])) {
                            decidedEqual++;
                            if (want != 0) {
                                fail("equal keys that decide, of records that differ: " + pair);
                            }
                        }
                    }
                }
            }
            assertThat(decided).as("most pairs decided by the key").isGreaterThan(all.size() * all.size());
            assertThat(decidedEqual).as("equal records told equal by their keys").isGreaterThan(100);
        }
    }

    @Test
    void theBaselineIsTheFirstFindingOfEachFingerprintOfTheInputsNotDropped() throws IOException {
        List<FindingOutcome> all = outcomes(5, 5000, 3);
        for (int chunk : new int[] {100_000, 64, 3}) {
            Map<String, Finding> first = new LinkedHashMap<>();
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            try (GateSpool spool = GateSpool.open(List.of(), chunk, false)) {
                for (int i = 0; i < all.size(); i++) {
                    int source = i % 4;
                    Finding f = all.get(i).finding();
                    if (source == 3) {
                        spool.addBaselineOnly(source, f);
                    } else {
                        spool.add(source, all.get(i));
                    }
                    if (source != 1) {
                        first.putIfAbsent(f.fingerprint(), f);
                    }
                }
                spool.drop(1);
                spool.uncount(2);
                new BaselineWriter().writeLaidOut(v -> spool.baselineJson(v::visit), streamed);
            }
            ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
            new BaselineWriter().write(new ArrayList<>(first.values()), inMemory);
            assertThat(streamed.toString(java.nio.charset.StandardCharsets.UTF_8)).as("chunk " + chunk)
                    .isEqualTo(inMemory.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
