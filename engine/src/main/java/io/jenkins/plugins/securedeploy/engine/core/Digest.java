package io.jenkins.plugins.securedeploy.engine.core;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** One digest value: algorithm and lower-case hex. Compares in constant time. */
public record Digest(DigestAlgorithm algorithm, String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        boolean valid = hex.length() == algorithm.hexLength() && isLowerHex(hex);
        if (!valid) {
            hex = hex.toLowerCase(Locale.ROOT);
            valid = hex.length() == algorithm.hexLength() && isLowerHex(hex);
        }
        if (!valid) {
            throw new IllegalArgumentException(
                    "a " + algorithm.id() + " digest is " + algorithm.hexLength() + " hex characters, got "
                            + hex.length() + (HEX.matcher(hex).matches() ? "" : " with non-hex characters"));
        }
    }

    /** Whether every character is 0-9 or a-f (and there is at least one): the hot path, without a regex. */
    private static boolean isLowerHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    public static Digest of(DigestAlgorithm algorithm, byte[] raw) {
        return new Digest(algorithm, HexFormat.of().formatHex(raw));
    }

    /** Parses {@code sha256:abcd...} (OCI / in-toto style). */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "digest");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a digest is written <algorithm>:<hex>, e.g. sha256:...");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.parse(text.substring(0, colon))
                .orElseThrow(() -> new IllegalArgumentException(
                        "unsupported digest algorithm; use sha256 or sha512"));
        return new Digest(algorithm, text.substring(colon + 1));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** Constant-time comparison of the digest bytes (same algorithm required). */
    public boolean matches(Digest other) {
        return other != null && algorithm == other.algorithm && MessageDigest.isEqual(bytes(), other.bytes());
    }

    @Override
    public String toString() {
        return algorithm.id() + ":" + hex;
    }
}
