package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Provider error texts (OAuth {@code error_description}, Vault {@code errors}, STS {@code Message}) are useful in a
 * failure message, but a server may echo what it was sent. This keeps such a text only when it is short printable
 * text that contains none of the values sent and nothing shaped like a JWT or a long opaque token.
 */
public final class SafeText {
    static final int MAX = 200;
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/_=.-]{40,}");
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");

    private SafeText() {}

    /** The text, or {@code "(provider message withheld)"}; {@code null} and blank become {@code ""}. */
    public static String of(String text, Collection<SecretValue> sent) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() > MAX) {
            t = t.substring(0, MAX) + "...";
        }
        boolean printable = t.codePoints().allMatch(cp -> cp >= 0x20 && cp < 0x7f);
        if (!printable || JWT_LIKE.matcher(t).find() || OPAQUE.matcher(t).find() || containsAny(t, sent)) {
            return "(provider message withheld)";
        }
        return t;
    }

    /** An error code from a fixed vocabulary ({@code invalid_grant}, {@code AccessDenied}), or {@code ""}. */
    public static String code(String code) {
        return code != null && SAFE_CODE.matcher(code).matches() ? code : "";
    }

    private static boolean containsAny(String text, Collection<SecretValue> sent) {
        for (SecretValue s : sent) {
            String v = s.reveal();
            if (text.contains(v) || (v.length() >= 12 && text.contains(v.substring(0, 12)))) {
                return true;
            }
        }
        return false;
    }
}
