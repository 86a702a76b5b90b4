package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The only two things derived from a secret that leave the scanner: a short preview and a fingerprint. */
final class Redaction {
    /** Characters of the secret shown in a preview. */
    static final int PREVIEW_CHARS = 4;

    private static final HexFormat HEX = HexFormat.of();
    /**
     * One SHA-256 per scanning thread, reused for every fingerprint: a {@code MessageDigest.getInstance} per finding
     * looked the provider up each time, and after 15 findings the JDK generated a reflective constructor accessor
     * class for it (issue 21).
     */
    private static final ThreadLocal<Hashing.Sha256> SHA256 = new PerThread();

    private Redaction() {}

    /** A named class, not {@code withInitial(lambda)}: no method handle is spun at run time for it. */
    private static final class PerThread extends ThreadLocal<Hashing.Sha256> {
        @Override
        protected Hashing.Sha256 initialValue() {
            return Hashing.sha256Hasher();
        }
    }

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
        Hashing.Sha256 sha256 = SHA256.get();
        String secretHash = HEX.formatHex(sha256(sha256, secret.getBytes(StandardCharsets.UTF_8)));
        String input = ruleId + "\n" + file + "\n" + secretHash;
        return HEX.formatHex(sha256(sha256, input.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static byte[] sha256(Hashing.Sha256 sha256, byte[] bytes) {
        return sha256.digest(bytes, 0, bytes.length);
    }

    /** Readies this thread's SHA-256 (and, the first time in a JVM, the JCA providers) before any finding needs it. */
    static void warm() {
        sha256(SHA256.get(), new byte[0]);
    }
}
