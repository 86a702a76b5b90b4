package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One credential shape.
 *
 * @param id          stable id ({@code aws-access-key-id}); used in findings, fingerprints and allow-lists
 * @param description human name, used in finding titles
 * @param severity    severity of a finding (private keys and cloud keys CRITICAL)
 * @param keywords    ASCII literals, matched case-insensitively, of which one must occur for the rule to be tried;
 *                    the pattern is tried anchored where each keyword occurrence starts, so every match of the
 *                    pattern must begin with one of the keywords; lower-cased unless {@code casedKeywords}
 * @param pattern     confirmation; the secret is its first capturing group that matched, else the whole match
 * @param minEntropy  Shannon entropy (bits per character) the secret must reach; 0 for none
 * @param generic     whether the secret is a free-form value, filtered for placeholders ({@code ${VAR}},
 *                    {@code <...>}, {@code xxxx}, {@code changeme}, {@code example}) and code references
 * @param casedKeywords whether every match of the (case-sensitive) pattern begins with one of the keywords exactly as
 *                    written, case included ({@code AKIA} in {@code \b((?:AKIA|ASIA)...}): the keywords keep their
 *                    case, and a line holding them only in another case ({@code Asia/Tokyo}), where the pattern
 *                    cannot match, is not decoded and tried. Not allowed with a case-insensitive pattern.
 */
public record SecretRule(String id, String description, Severity severity, List<String> keywords, Pattern pattern,
        double minEntropy, boolean generic, boolean casedKeywords) {

    /** An inline flag group that switches case-insensitive matching on ({@code (?i)}, {@code (?si:}, ...). */
    private static final Pattern EMBEDDED_CASE_INSENSITIVE = Pattern.compile("\\(\\?[a-zA-Z]*i[a-zA-Z-]*[:)]");

    public SecretRule {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("rule id must be lower-case letters, digits and '-': " + id);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pattern, "pattern");
        keywords = casedKeywords ? List.copyOf(keywords)
                : List.copyOf(keywords).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " needs at least one keyword for prefiltering");
        }
        for (String k : keywords) {
            if (k.isEmpty() || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
                throw new IllegalArgumentException("rule " + id + ": keywords must be printable ASCII: " + k);
            }
        }
        if (casedKeywords && ((pattern.flags() & Pattern.CASE_INSENSITIVE) != 0
                || EMBEDDED_CASE_INSENSITIVE.matcher(pattern.pattern()).find())) {
            throw new IllegalArgumentException("rule " + id + ": cased keywords need a case-sensitive pattern");
        }
        if (Double.isNaN(minEntropy) || minEntropy < 0) {
            throw new IllegalArgumentException("rule " + id + ": minEntropy must be >= 0");
        }
    }

    /** A rule without entropy floor or placeholder filtering. */
    public static SecretRule of(String id, String description, Severity severity, String regex, String... keywords) {
        return new SecretRule(id, description, severity, List.of(keywords), Pattern.compile(regex), 0, false, false);
    }

    /**
     * A rule like {@link #of}, whose case-sensitive pattern only matches where one of the keywords begins exactly as
     * written ({@link #casedKeywords()}).
     */
    public static SecretRule cased(String id, String description, Severity severity, String regex,
            String... keywords) {
        return new SecretRule(id, description, severity, List.of(keywords), Pattern.compile(regex), 0, false, true);
    }

    public SecretRule withMinEntropy(double bits) {
        return new SecretRule(id, description, severity, keywords, pattern, bits, generic, casedKeywords);
    }

    public SecretRule asGeneric() {
        return new SecretRule(id, description, severity, keywords, pattern, minEntropy, true, casedKeywords);
    }

    /** Index of the group holding the secret in a successful match: the first group that matched, else 0. */
    static int secretGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "SecretRule[" + id + ", " + severity + "]";
    }
}
