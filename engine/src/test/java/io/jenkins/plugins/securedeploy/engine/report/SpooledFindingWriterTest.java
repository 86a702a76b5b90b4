package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A finding encoded on its own by {@link SpooledFindingWriter} is, byte for byte, what {@link GateReportWriter}'s
 * generator writes for it in place: thousands of random findings with every kind of value (text that needs escapes,
 * non-ASCII, surrogate pairs and lone surrogates, control characters, scores of every magnitude, no score, packages,
 * ids, waivers) in one report written both ways.
 */
class SpooledFindingWriterTest {
    private static final String ALPHABET = "abcXYZ019 -_./:@#%&*()[]{}<>=+?!'`~|^$\"\\\t\n\r\b\f\u0000\u0001\u001f\u007f"
            + "\u0080éü\u07C0\u20AC\u2028\u2029\uFFFF\uD83D\uDE00\uD800\uDC00";

    private static String text(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        boolean plain = random.nextInt(3) > 0;
        for (int i = 0; i < n; i++) {
            char c = ALPHABET.charAt(random.nextInt(plain ? 30 : ALPHABET.length()));
            sb.append(c);
        }
        return sb.toString();
    }

    private static double score(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextInt(101) / 10.0;
            case 2 -> random.nextDouble() * 10;
            case 3 -> 1e-9 * random.nextDouble();
            case 4 -> 1e22 * random.nextDouble();
            case 5 -> -0.0;
            case 6 -> random.nextInt(11);
            default -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        };
    }

    private static List<FindingOutcome> outcomes(List<Waiver> waivers) {
        Random random = new Random(18);
        List<FindingOutcome> all = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            FindingBuilder b = Finding.builder(text(random, 12) + "t", text(random, 20))
                    .title(text(random, 80)).severity(Severity.values()[random.nextInt(Severity.values().length)])
                    .category(Category.values()[random.nextInt(Category.values().length)]).score(score(random))
                    .location(new Location(text(random, 40), text(random, 10), random.nextInt(3) == 0 ? 0
                            : random.nextInt(100_000), random.nextInt(200)));
            for (int k = random.nextInt(4); k > 0; k--) {
                b.id(text(random, 15) + k);
            }
            if (random.nextBoolean()) {
                b.pkg(new PackageRef(text(random, 20) + "p", text(random, 8), text(random, 8), text(random, 30)));
            }
            if (random.nextInt(4) == 0) {
                b.toolFingerprint(text(random, 30) + "f");
            }
            Waiver w = random.nextInt(3) == 0 ? waivers.get(random.nextInt(waivers.size())) : null;
            Waiver expired = random.nextInt(5) == 0 ? waivers.get(random.nextInt(waivers.size())) : null;
            all.add(new FindingOutcome(b.build(), random.nextBoolean(), w, expired, random.nextBoolean()));
        }
        return all;
    }

    @Test
    void encodesEachFindingAsTheReportWriterWritesItInPlace() throws IOException {
        GateReport report = ReportFixtures.report();
        List<FindingOutcome> all = outcomes(ReportFixtures.policy().waivers());
        ByteArrayOutputStream inPlace = new ByteArrayOutputStream();
        new GateReportWriter().write(report, FindingOutcomes.of(all), inPlace);
        SpooledFindingWriter encoder = new SpooledFindingWriter();
        List<byte[]> encoded = new ArrayList<>();
        for (FindingOutcome o : all) {
            encoded.add(encoder.encode(o));
        }
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        new GateReportWriter().writeEncoded(report, v -> {
            for (byte[] json : encoded) {
                v.visit(json);
            }
        }, spliced);
        String expected = inPlace.toString(StandardCharsets.UTF_8);
        assertThat(expected).contains("\\\"", "\\u0000", "\\uD800", "null", "ü", "\u20AC", "\"waivedBy\":\"id CVE-2023-9999");
        assertThat(spliced.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(spliced.toByteArray()).isEqualTo(inPlace.toByteArray());
    }

    @Test
    void anEmptyFindingsListIsWrittenAsTheWriterWritesIt() throws IOException {
        GateReport report = ReportFixtures.report();
        ByteArrayOutputStream inPlace = new ByteArrayOutputStream();
        new GateReportWriter().write(report, FindingOutcomes.of(List.of()), inPlace);
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        new GateReportWriter().writeEncoded(report, v -> { }, spliced);
        assertThat(spliced.toByteArray()).isEqualTo(inPlace.toByteArray());
    }
}
