package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two values every audit line holds several of, parsed without the general parsers on the common path (the
 * verifier reads millions): {@code sha256:<64 lower hex>} and the UTC instants {@link Instant#toString()} writes.
 * Anything else falls back to {@link Digest#parse} and {@link Instant#parse}, so the accepted set is unchanged.
 */
final class FastParse {
    private static final String SHA256 = "sha256:";

    private FastParse() {}

    static Digest digest(String text) {
        if (text.length() == SHA256.length() + 64 && text.startsWith(SHA256)) {
            return new Digest(DigestAlgorithm.SHA256, text.substring(SHA256.length()));
        }
        return Digest.parse(text);
    }

    /** {@code 2026-01-15T10:00:00Z} or with 1-9 fraction digits; otherwise {@link Instant#parse}. */
    static Instant instant(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0;
            if (ok && n > 20) {
                int fraction = n - 21;
                ok = s.charAt(19) == '.' && fraction >= 1 && fraction <= 9;
                int f = ok ? digits(s, 20, n - 1) : -1;
                ok = ok && f >= 0;
                if (ok) {
                    nanos = f;
                    for (int i = fraction; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            }
            if (ok && month <= 12 && hour <= 23 && minute <= 59 && second <= 59) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
                } catch (java.time.DateTimeException e) {
                    // an impossible date such as 02-30: let the general parser give its verdict
                }
            }
        }
        return Instant.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
