package io.jenkins.plugins.securedeploy.engine.sign;

import java.util.Base64;

/** Base64 as signature formats write it: standard or URL-safe alphabet, padding optional, no whitespace. */
public final class Base64s {
    private Base64s() {}

    /** The decoded bytes, or null when {@code text} is not base64 (never an exception quoting the input). */
    public static byte[] decode(String text) {
        if (text == null) {
            return null;
        }
        boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        boolean std = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        if (url && std) {
            return null;
        }
        int pad = text.indexOf('=');
        if (pad >= 0 && (text.length() % 4 != 0 || pad < text.length() - 2)) {
            return null;
        }
        if (pad < 0 && text.length() % 4 == 1) {
            return null;
        }
        try {
            return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String encode(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }
}
