package io.jenkins.plugins.securedeploy.engine.mask;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every form of a secret that must not appear in output: the raw value, its base64 (standard and URL alphabets, at all
 * three byte alignments, with and without padding), URL, JSON, XML/HTML, shell and hex encodings, and each line of a
 * multi-line secret on its own (with the same encodings). Forms shorter than the floor are left out, so trivial
 * fragments do not over-mask; a secret shorter than the floor yields no form at all.
 */
public final class EncodedForms {
    /** The default floor: secrets (and lines, and forms) shorter than this many chars are not masked on their own. */
    public static final int DEFAULT_FLOOR = 4;

    /** Which transformation produced a form. */
    public enum Encoding {
        RAW,
        LINE,
        BASE64,
        BASE64_URL,
        URL,
        JSON,
        XML,
        SHELL,
        HEX
    }

    /** One form. Its {@code toString()} never prints the text: the text is secret. */
    public record Form(Encoding encoding, String text) {
        public Form {
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return encoding + "(" + text.length() + " chars)";
        }
    }

    private EncodedForms() {}

    /** All forms of {@code secret} with the default floor. */
    public static List<Form> of(SecretValue secret) {
        return of(secret, DEFAULT_FLOOR);
    }

    /**
     * All distinct forms of {@code secret} at least {@code floor} chars long, the raw value first. Empty when the
     * secret itself is shorter than the floor.
     */
    public static List<Form> of(SecretValue secret, int floor) {
        if (floor < 1) {
            throw new IllegalArgumentException("the masking floor must be at least 1, was " + floor);
        }
        Map<String, Form> forms = new LinkedHashMap<>();
        String value = maskedText(secret);
        if (value.length() < floor) {
            return List.of();
        }
        addAll(forms, value, Encoding.RAW, floor);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            for (String line : value.split("\r\n|\r|\n")) {
                if (line.length() >= floor) {
                    addAll(forms, line, Encoding.LINE, floor);
                }
            }
        }
        return List.copyOf(forms.values());
    }

    /**
     * The text that is masked for {@code secret}: the value without trailing line breaks. A key read from a file
     * (a PEM block) ends in a newline that is formatting, not secret material; masking it would swallow the line
     * break after the key, so the next log line would be glued to the mask.
     */
    static String maskedText(SecretValue secret) {
        String value = secret.reveal();
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == 0 ? value : value.substring(0, end);
    }

    /** Length of what is masked for {@code secret} (trailing line breaks not counted); safe to show. */
    public static int maskedLength(SecretValue secret) {
        return maskedText(secret).length();
    }

    private static void addAll(Map<String, Form> forms, String value, Encoding rawKind, int floor) {
        add(forms, rawKind, value, floor);
        for (String s : TextEscapes.json(value)) {
            add(forms, Encoding.JSON, s, floor);
        }
        for (String s : TextEscapes.url(value)) {
            add(forms, Encoding.URL, s, floor);
        }
        for (String s : TextEscapes.xml(value)) {
            add(forms, Encoding.XML, s, floor);
        }
        for (String s : TextEscapes.shell(value)) {
            add(forms, Encoding.SHELL, s, floor);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        add(forms, Encoding.HEX, HexFormat.of().formatHex(bytes), floor);
        add(forms, Encoding.HEX, HexFormat.of().withUpperCase().formatHex(bytes), floor);
        for (String s : base64(bytes)) {
            add(forms, Encoding.BASE64, s, floor);
            add(forms, Encoding.BASE64_URL, s.replace('+', '-').replace('/', '_'), floor);
        }
    }

    private static void add(Map<String, Form> forms, Encoding encoding, String text, int floor) {
        if (text.length() >= floor) {
            forms.putIfAbsent(text, new Form(encoding, text));
        }
    }

    /**
     * Standard-alphabet base64 forms: the whole encoding with and without padding, and for each alignment (the secret
     * preceded by 0, 1 or 2 other bytes) the stable core - exactly the characters whose 6 bits all come from the
     * secret, so they are the same whatever bytes surround it - and its block-aligned part.
     */
    static List<String> base64(byte[] bytes) {
        List<String> out = new ArrayList<>();
        out.add(Base64.getEncoder().encodeToString(bytes));
        out.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        for (int align = 0; align < 3; align++) {
            byte[] shifted = new byte[align + bytes.length + 2];
            System.arraycopy(bytes, 0, shifted, align, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int first = (8 * align + 5) / 6; // first char whose bits start at or after the secret's first bit
            int end = 8 * (align + bytes.length) / 6; // chars that end at or before the secret's last bit
            if (end > first) {
                out.add(encoded.substring(first, end));
            }
            // the block-aligned core (whole 4-char blocks only), as GitHub's runner masks: a substring of the one
            // above, listed so that this shorter, still revealing, form is masked wherever it appears on its own
            int blockFirst = align == 0 ? 0 : 4;
            int blockEnd = (align + bytes.length) / 3 * 4;
            if (blockEnd > blockFirst) {
                out.add(encoded.substring(blockFirst, blockEnd));
            }
        }
        return out;
    }
}
