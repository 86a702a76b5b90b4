package io.jenkins.plugins.securedeploy.engine.mask;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces every occurrence of every {@linkplain EncodedForms form} of a set of secrets with {@value #MASK}, in one
 * pass over UTF-8 bytes. Built once (immutable, thread-safe); streams made by {@link #wrap(OutputStream)} share it.
 * Not serializable on purpose: hosts persist the {@linkplain #secrets() secret values} (e.g. as Jenkins Secrets) and
 * rebuild the masker with {@link #of(Collection)} or the {@link Builder}.
 */
public final class SecretMasker {
    /** What every masked region becomes. */
    public static final String MASK = SecretValue.REDACTED;

    static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);

    private static final SecretMasker NONE = new Builder().build();

    private final List<SecretValue> secrets;
    private final List<String> warnings;
    private final Automaton automaton;
    private final int patternCount;
    private final int floor;

    private SecretMasker(List<SecretValue> secrets, List<String> warnings, byte[][] patterns, int floor) {
        this.secrets = List.copyOf(secrets);
        this.warnings = List.copyOf(warnings);
        this.automaton = new Automaton(patterns);
        this.patternCount = patterns.length;
        this.floor = floor;
    }

    /** A masker for these secrets with the default floor; refused (too short) secrets are listed in warnings(). */
    public static SecretMasker of(Collection<SecretValue> secrets) {
        return builder().addAll(secrets).build();
    }

    /** A masker that masks nothing. */
    public static SecretMasker none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The secrets this masker was built from (those refused as too short included), to persist and rebuild. */
    public List<SecretValue> secrets() {
        return secrets;
    }

    /** Why some secrets or lines are not masked (too short); never contains a secret. */
    public List<String> warnings() {
        return warnings;
    }

    public int floor() {
        return floor;
    }

    /** Distinct byte patterns searched for (all forms of all secrets). */
    public int patternCount() {
        return patternCount;
    }

    /** The longest pattern in bytes; a stream never holds back more unmasked bytes than this minus one. */
    public int maxPatternLength() {
        return automaton.maxLength();
    }

    /** Approximate heap retained by the matching tables. */
    public long footprintBytes() {
        return automaton.footprintBytes();
    }

    public boolean isEmpty() {
        return patternCount == 0;
    }

    Automaton automaton() {
        return automaton;
    }

    /** {@code text} with every form of every secret replaced by {@value #MASK}; the same instance when none occurs. */
    public String mask(String text) {
        if (text.isEmpty() || isEmpty()) {
            return text;
        }
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] masked = mask(in);
        return masked == in ? text : new String(masked, StandardCharsets.UTF_8);
    }

    /**
     * {@code data} with every form of every secret replaced by {@value #MASK}. Returns {@code data} itself (not a
     * copy) when nothing matched; everything outside matches is copied byte for byte.
     */
    public byte[] mask(byte[] data) {
        if (isEmpty()) {
            return data;
        }
        Intervals found = new Intervals();
        automaton.scan(data, 0, data.length, 0, (end, length) -> found.add(end - length, end));
        if (found.isEmpty()) {
            return data;
        }
        int n = found.size();
        long masked = 0;
        for (int i = 0; i < n; i++) {
            masked += found.end(i) - found.start(i);
        }
        byte[] out = new byte[(int) (data.length - masked + (long) n * MASK_BYTES.length)];
        int from = 0;
        int at = 0;
        for (int i = 0; i < n; i++) {
            int start = (int) found.start(i);
            System.arraycopy(data, from, out, at, start - from);
            at += start - from;
            System.arraycopy(MASK_BYTES, 0, out, at, MASK_BYTES.length);
            at += MASK_BYTES.length;
            from = (int) found.end(i);
        }
        System.arraycopy(data, from, out, at, data.length - from);
        return out;
    }

    /** A stream that masks what it writes to {@code out}; see {@link MaskingOutputStream} for its guarantees. */
    public MaskingOutputStream wrap(OutputStream out) {
        return new MaskingOutputStream(this, out);
    }

    /** A writer that masks what it writes to {@code out} (through UTF-8). */
    public Writer wrap(Writer out) {
        return new MaskingWriter(this, out);
    }

    /**
     * A copy of {@code t} whose messages, through the cause chain and suppressed exceptions, are masked; class names
     * and stack traces are kept. Returns {@code t} itself when no message in the chain contains a secret.
     */
    public Throwable maskThrowable(Throwable t) {
        return MaskedThrowable.maskChain(this, t);
    }

    /** Collects secrets; {@link #build()} computes their forms and compiles the automaton once. */
    public static final class Builder {
        private final Set<SecretValue> secrets = new LinkedHashSet<>();
        private int floor = EncodedForms.DEFAULT_FLOOR;
        private EngineLog log;

        private Builder() {}

        /** Secrets (and lines of multi-line secrets) shorter than this many chars are not masked on their own. */
        public Builder floor(int minimumLength) {
            if (minimumLength < 1) {
                throw new IllegalArgumentException("the masking floor must be at least 1, was " + minimumLength);
            }
            this.floor = minimumLength;
            return this;
        }

        /** Where refusal warnings are also recorded (as error lines: a secret that is not masked is a risk). */
        public Builder log(EngineLog engineLog) {
            this.log = engineLog;
            return this;
        }

        public Builder add(SecretValue secret) {
            secrets.add(Objects.requireNonNull(secret, "secret"));
            return this;
        }

        public Builder addAll(Collection<SecretValue> values) {
            values.forEach(this::add);
            return this;
        }

        public SecretMasker build() {
            Set<String> texts = new LinkedHashSet<>();
            List<String> warnings = new ArrayList<>();
            int index = 0;
            for (SecretValue secret : secrets) {
                index++;
                int length = EncodedForms.maskedLength(secret);
                if (length < floor) {
                    warnings.add(String.format(Locale.ROOT, "secret #%d (%d chars) is shorter than the masking floor"
                            + " of %d chars and is NOT masked: masking it would hide ordinary text", index,
                            length, floor));
                    continue;
                }
                for (EncodedForms.Form form : EncodedForms.of(secret, floor)) {
                    texts.add(form.text());
                }
            }
            byte[][] patterns = new byte[texts.size()][];
            int i = 0;
            for (String t : texts) {
                patterns[i++] = t.getBytes(StandardCharsets.UTF_8);
            }
            Arrays.sort(patterns, Arrays::compareUnsigned);
            if (log != null) {
                warnings.forEach(w -> log.error("%s", w));
            }
            return new SecretMasker(new ArrayList<>(secrets), warnings, dedupe(patterns), floor);
        }

        private static byte[][] dedupe(byte[][] sorted) {
            int n = 0;
            for (byte[] p : sorted) {
                if (n == 0 || !Arrays.equals(sorted[n - 1], p)) {
                    sorted[n++] = p;
                }
            }
            return Arrays.copyOf(sorted, n);
        }
    }
}
