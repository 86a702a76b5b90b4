package io.jenkins.plugins.securedeploy.engine.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** Digest algorithms the engine computes and accepts. Weak algorithms (MD5, SHA-1) are not representable. */
public enum DigestAlgorithm {
    SHA256("sha256", "SHA-256", 64),
    SHA512("sha512", "SHA-512", 128);

    private final String id;
    private final String jcaName;
    private final int hexLength;

    DigestAlgorithm(String id, String jcaName, int hexLength) {
        this.id = id;
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The in-toto / OCI spelling: {@code sha256}, {@code sha512}. */
    public String id() {
        return id;
    }

    public int hexLength() {
        return hexLength;
    }

    /** Accepts {@code sha256}, {@code SHA-256}, {@code sha-512} and so on. */
    public static Optional<DigestAlgorithm> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (DigestAlgorithm a : values()) {
            if (a.id.equals(normal)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The only place in the engine that creates a {@link MessageDigest} (ArchUnit rule). */
    MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new EnvironmentException("the JVM has no " + jcaName + " implementation", e);
        }
    }
}
