package io.jenkins.plugins.securedeploy.engine.mask;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The text escapings a secret commonly goes through before it reaches a log: the variants that real encoders
 * (Jackson, Python json/urllib/html/shlex, Go encoding/json, JavaScript encodeURIComponent, bash printf %q) produce.
 * Each method returns every distinct variant; callers drop duplicates of the raw value.
 */
final class TextEscapes {
    private static final String URL_JAVA_SAFE = ".-*_";
    private static final String URL_RFC3986_SAFE = "-._~";
    private static final String URL_JS_SAFE = "-_.!~*'()";
    private static final String SHELL_SAFE = "_,./:=@%+-";

    private TextEscapes() {}

    /** JSON string contents: with/without {@code \/}, short or {@code \\u} control escapes, ASCII-only, HTML-safe. */
    static Set<String> json(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (int flags = 0; flags < 32; flags++) {
            out.add(json(value, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
                    (flags & 16) != 0));
        }
        return out;
    }

    private static String json(String value, boolean slash, boolean unicodeControls, boolean asciiOnly,
            boolean htmlSafe, boolean upperHex) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String shortForm = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> null;
            };
            if (c == '/' && slash) {
                sb.append("\\/");
            } else if (shortForm != null && (c == '"' || c == '\\' || !unicodeControls)) {
                sb.append(shortForm);
            } else if (c < 0x20 || c == 0x7f && unicodeControls || c > 0x7e && asciiOnly
                    || htmlSafe && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')) {
                sb.append("\\u");
                hex(sb, c >> 8, upperHex);
                hex(sb, c & 0xff, upperHex);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void hex(StringBuilder sb, int octet, boolean upper) {
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        sb.append(digits.charAt(octet >> 4 & 0xf)).append(digits.charAt(octet & 0xf));
    }

    /** Percent-encoding: Java/HTML-form, RFC 3986 and JavaScript safe sets; space as + or %20; upper or lower hex. */
    static Set<String> url(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String safe : new String[] {URL_JAVA_SAFE, URL_RFC3986_SAFE, URL_JS_SAFE}) {
            for (boolean plus : new boolean[] {true, false}) {
                for (boolean upper : new boolean[] {true, false}) {
                    out.add(url(value, safe, plus, upper));
                }
            }
        }
        return out;
    }

    private static String url(String value, String safe, boolean plusForSpace, boolean upperHex) {
        StringBuilder sb = new StringBuilder(value.length() * 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                sb.append('+');
            } else {
                sb.append('%');
                hex(sb, c, upperHex);
            }
        }
        return sb.toString();
    }

    /** XML/HTML entities: {@code &amp; &lt; &gt;} with quotes as {@code &quot;}/{@code &#34;}, {@code &#39;}/{@code &apos;}/{@code &#x27;} or unescaped. */
    static Set<String> xml(String value) {
        Set<String> out = new LinkedHashSet<>();
        String base = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        out.add(base);
        for (String dq : new String[] {"\"", "&quot;", "&#34;"}) {
            for (String sq : new String[] {"'", "&#39;", "&apos;", "&#x27;"}) {
                out.add(base.replace("\"", dq).replace("'", sq));
            }
        }
        return out;
    }

    /**
     * Shell quoting, without the outer quotes (they may be anywhere): single-quoted with {@code '\''} or
     * {@code '"'"'} for a quote, backslash-escaped (printf %q style), and double-quoted contents.
     */
    static Set<String> shell(String value) {
        Set<String> out = new LinkedHashSet<>();
        out.add(value.replace("'", "'\\''"));
        out.add(value.replace("'", "'\"'\"'"));
        StringBuilder backslashed = new StringBuilder(value.length() * 2);
        StringBuilder doubleQuoted = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || Character.isLetterOrDigit(c) || SHELL_SAFE.indexOf(c) >= 0) {
                backslashed.append(c);
            } else {
                backslashed.append('\\').append(c);
            }
            if (c == '"' || c == '\\' || c == '$' || c == '`') {
                doubleQuoted.append('\\');
            }
            doubleQuoted.append(c);
        }
        out.add(backslashed.toString());
        out.add(doubleQuoted.toString());
        return out;
    }
}
