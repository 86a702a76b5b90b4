package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a scan must not report: files by path glob, whole rules by id, single findings by fingerprint (as printed in
 * the finding, with or without the {@code secure-deploy-secrets:} prefix). Lines can allow themselves with an inline
 * comment: {@code secure-deploy:allow} (every rule) or {@code secure-deploy:allow=rule-id,other-rule}.
 */
public record SecretAllowList(List<String> pathGlobs, Set<String> ruleIds, Set<String> fingerprints) {
    /** The inline marker. */
    public static final String INLINE_MARKER = "secure-deploy:allow";

    public SecretAllowList {
        pathGlobs = List.copyOf(pathGlobs);
        ruleIds = Set.copyOf(ruleIds);
        fingerprints = Set.copyOf(fingerprints.stream().map(SecretAllowList::bare).toList());
    }

    public static SecretAllowList none() {
        return new SecretAllowList(List.of(), Set.of(), Set.of());
    }

    public SecretAllowList withPathGlobs(List<String> globs) {
        return new SecretAllowList(globs, ruleIds, fingerprints);
    }

    public SecretAllowList withRuleIds(Set<String> ids) {
        return new SecretAllowList(pathGlobs, ids, fingerprints);
    }

    public SecretAllowList withFingerprints(Set<String> fps) {
        return new SecretAllowList(pathGlobs, ruleIds, fps);
    }

    public boolean allowsRule(String ruleId) {
        return ruleIds.contains(ruleId);
    }

    public boolean allowsFingerprint(String fingerprint) {
        return fingerprints.contains(bare(fingerprint));
    }

    private static String bare(String fingerprint) {
        String f = fingerprint.strip().toLowerCase(Locale.ROOT);
        String prefix = SecretScanner.TOOL + ":";
        return f.startsWith(prefix) ? f.substring(prefix.length()) : f;
    }

    /** Whether {@code line} carries an inline marker that allows {@code ruleId}. */
    static boolean allowsInline(String line, String ruleId) {
        int at = line.indexOf(INLINE_MARKER);
        while (at >= 0) {
            int after = at + INLINE_MARKER.length();
            if (after >= line.length() || line.charAt(after) != '=') {
                return true;
            }
            int end = after + 1;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (Arrays.asList(line.substring(after + 1, end).split(",")).contains(ruleId)) {
                return true;
            }
            at = line.indexOf(INLINE_MARKER, end);
        }
        return false;
    }
}
