package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Entropy and the "this is not a real secret" heuristics applied to generic values. */
final class ValueFilters {
    /** Minimum length of a generic secret. */
    static final int GENERIC_MIN_LENGTH = 16;

    private static final List<String> PLACEHOLDER_WORDS = List.of("xxxx", "****", "....", "changeme", "change_me",
            "change-me", "example", "placeholder", "dummy", "sample", "your_", "your-", "yourpassword", "redacted",
            "replace_me", "replace-me", "replaceme", "insert_", "todo", "fixme", "notasecret", "not-a-secret");

    private static final Pattern CODE_REFERENCE =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)+");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]+(?:[-_. /:][A-Za-z]+)*");
    private static final Pattern URL_WITHOUT_CREDENTIALS = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^@\\s]*");
    private static final Pattern PATH = Pattern.compile("(?:\\.{0,2}/|~/)[^\\s]*");

    private ValueFilters() {}

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /**
     * Whether the value at {@code valueStart} is the hex part of one of our own fingerprints
     * ({@code secure-deploy-secrets:<hex>}), which looks like {@code secrets: <value>} to the generic rule; allow-list
     * files full of fingerprints must not report themselves.
     */
    static boolean isOwnFingerprint(String line, int valueStart) {
        String prefix = SecretScanner.TOOL + ":";
        return valueStart >= prefix.length() && line.startsWith(prefix, valueStart - prefix.length());
    }

    /** Shannon entropy of the characters of {@code s}, in bits per character. */
    static double shannonEntropy(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        java.util.HashMap<Character, int[]> counts = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.computeIfAbsent(s.charAt(i), c -> new int[1])[0]++;
        }
        double h = 0;
        for (int[] count : counts.values()) {
            double p = (double) count[0] / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    /**
     * Whether a generic value is a placeholder or a reference rather than a literal secret: {@code ${VAR}},
     * {@code $VAR}, {@code {{ var }}}, {@code <value>}, {@code %s}, {@code xxxx}, {@code changeme}, {@code example},
     * a code reference ({@code config.db.password}), words without digits, a URL without credentials, a path.
     */
    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.length() < GENERIC_MIN_LENGTH) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("$") || lower.contains("${") || lower.contains("{{") || lower.contains("$(")
                || lower.contains("%(") || lower.contains("%s") || lower.contains("#{")
                || lower.startsWith("<") && lower.endsWith(">") || lower.startsWith("%") && lower.endsWith("%")) {
            return true;
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        if (isQuote(v.charAt(0)) || isQuote(v.charAt(v.length() - 1))) {
            return true; // a code fragment such as '" + password + "', not a literal
        }
        if (v.chars().distinct().count() <= 3) {
            return true;
        }
        return CODE_REFERENCE.matcher(v).matches()
                || WORDS.matcher(v).matches()
                || URL_WITHOUT_CREDENTIALS.matcher(v).matches()
                || PATH.matcher(v).matches();
    }
}
