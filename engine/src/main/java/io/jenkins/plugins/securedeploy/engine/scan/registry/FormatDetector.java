package io.jenkins.plugins.securedeploy.engine.scan.registry;

import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the report format from the first {@link #HEAD_BYTES} of a report by asking every registered descriptor for
 * its confidence, or by an explicit id. A report no descriptor recognises (best confidence below
 * {@link #MIN_CONFIDENCE}), or that two descriptors claim equally, is a located error listing the supported ids —
 * never a guess.
 */
public final class FormatDetector {
    /** How much of a report detection looks at. */
    public static final int HEAD_BYTES = 16 * 1024;
    /** Below this confidence a format is not recognised. */
    public static final int MIN_CONFIDENCE = 30;
    /** Below this confidence a recognised format is a guess, and ingest says so in a warning. */
    public static final int SURE_CONFIDENCE = 60;

    private final ScannerRegistry registry;

    public FormatDetector(ScannerRegistry registry) {
        this.registry = registry;
    }

    /**
     * One descriptor's confidence for a head; {@code byFileName} when the file name changed it (the content alone
     * was ambiguous, e.g. {@code []}).
     */
    public record Candidate(ScannerDescriptor descriptor, int confidence, boolean byFileName) {
        public Candidate(ScannerDescriptor descriptor, int confidence) {
            this(descriptor, confidence, false);
        }
    }

    /**
     * Decodes the first bytes of a report as UTF-8 (malformed or cut sequences replaced, BOM dropped), as
     * {@link ScannerDescriptor#detect(String)} receives them.
     */
    public static String head(byte[] bytes, int length) {
        int len = Math.min(length, Math.min(bytes.length, HEAD_BYTES));
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(len + 1);
        decoder.decode(ByteBuffer.wrap(bytes, 0, len), chars, false);
        chars.flip();
        String s = chars.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Every descriptor's confidence, highest first. */
    public List<Candidate> candidates(String head) {
        return candidates(head, "");
    }

    /** Every descriptor's confidence for a report named {@code displayName}, highest first. */
    public List<Candidate> candidates(String head, String displayName) {
        String fileName = fileName(displayName);
        List<Candidate> out = new ArrayList<>();
        for (ScannerDescriptor d : registry.all()) {
            int byContent = Math.max(0, Math.min(100, d.detect(head)));
            int c = Math.max(0, Math.min(100, d.detect(head, fileName)));
            out.add(new Candidate(d, c, c != byContent));
        }
        out.sort(Comparator.comparingInt(Candidate::confidence).reversed());
        return out;
    }

    /** The format of a report whose first bytes are {@code head}; fails with a located error when unsure. */
    public ScannerDescriptor detect(String head, String displayName) {
        return detectCandidate(head, displayName).descriptor();
    }

    /**
     * Like {@link #detect}, with the confidence: below {@link #SURE_CONFIDENCE} the format is a guess from few
     * signals (a clean report) and the caller should say so.
     */
    public Candidate detectCandidate(String head, String displayName) {
        if (head.isBlank()) {
            throw new InvalidInputException(Problem.of("report.empty",
                    "report is empty; an empty file is never \"0 findings\"", Location.ofFile(displayName)));
        }
        List<Candidate> ranked = candidates(head, displayName);
        if (ranked.isEmpty() || ranked.get(0).confidence() < MIN_CONFIDENCE) {
            throw new InvalidInputException(Problem.of("report.unknown-format",
                    "cannot recognise the report format; pass one explicitly, supported: " + supportedIds(),
                    Location.ofFile(displayName)));
        }
        if (ranked.size() > 1 && ranked.get(1).confidence() == ranked.get(0).confidence()) {
            throw new InvalidInputException(Problem.of("report.ambiguous-format",
                    "report matches both " + ranked.get(0).descriptor().id() + " and " + ranked.get(1).descriptor().id()
                            + "; pass the format explicitly, supported: " + supportedIds(),
                    Location.ofFile(displayName)));
        }
        return ranked.get(0);
    }

    /** The last path segment, lower case ({@code reports/Gitleaks-report.json} → {@code gitleaks-report.json}). */
    public static String fileName(String displayName) {
        if (displayName == null) {
            return "";
        }
        String n = displayName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The descriptor for an explicit format id; an unknown id is an error listing the supported ids. */
    public ScannerDescriptor byId(String id, String displayName) {
        return registry.find(id).orElseThrow(() -> new InvalidInputException(Problem.of("report.unsupported-format",
                "unsupported report format '" + sanitizeId(id) + "', supported: " + supportedIds(),
                Location.ofFile(displayName))));
    }

    /** The registered ids, sorted, comma-separated. */
    public String supportedIds() {
        return registry.all().stream().map(ScannerDescriptor::id).sorted().collect(Collectors.joining(", "));
    }

    private static String sanitizeId(String id) {
        if (id == null) {
            return "";
        }
        String s = id.replaceAll("[^A-Za-z0-9._-]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
