package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.nio.charset.StandardCharsets;

/** The only two things derived from a secret that leave the scanner: a short preview and a fingerprint. */
final class Redaction {
    /** Characters of the secret shown in a preview. */
    static final int PREVIEW_CHARS = 4;

    private Redaction() {}

    /**
     * First {@value #PREVIEW_CHARS} characters, an ellipsis and the length: {@code AKIA…(20 chars)}. Secrets shorter
     * than 12 characters show none of their characters. Control characters are shown as {@code ?}.
     */
    static String preview(String secret) {
        int n = secret.codePointCount(0, secret.length());
        if (n < 3 * PREVIEW_CHARS) {
            return "…(" + n + " chars)";
        }
        StringBuilder sb = new StringBuilder();
        secret.codePoints().limit(PREVIEW_CHARS)
                .forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) || Character.isWhitespace(cp) ? '?' : cp));
        return sb.append("…(").append(n).append(" chars)").toString();
    }

    /**
     * {@code sha256(ruleId \n file \n sha256(secret))}, first 32 hex digits: stable across runs and line moves,
     * different per file and rule, and not the secret (though, like any unsalted hash, a guessable secret can be
     * confirmed against it).
     */
    static String fingerprint(String ruleId, String file, String secret) {
        String secretHash = Hashing.sha256(secret.getBytes(StandardCharsets.UTF_8)).hex();
        String input = ruleId + "\n" + file + "\n" + secretHash;
        return Hashing.sha256(input.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
    }
}
