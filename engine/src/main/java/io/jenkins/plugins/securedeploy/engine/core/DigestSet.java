package io.jenkins.plugins.securedeploy.engine.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Digests of one piece of content under several algorithms (in-toto's DigestSet). Two sets {@link #matches} when
 * they share at least one algorithm and every shared algorithm agrees.
 */
public record DigestSet(Map<DigestAlgorithm, Digest> digests) {
    public DigestSet {
        if (digests == null || digests.isEmpty()) {
            throw new IllegalArgumentException("a digest set needs at least one digest");
        }
        EnumMap<DigestAlgorithm, Digest> copy = new EnumMap<>(DigestAlgorithm.class);
        digests.forEach((k, v) -> {
            if (v.algorithm() != k) {
                throw new IllegalArgumentException("digest under " + k.id() + " is a " + v.algorithm().id());
            }
            copy.put(k, v);
        });
        digests = Collections.unmodifiableMap(copy);
    }

    public static DigestSet of(Digest... values) {
        EnumMap<DigestAlgorithm, Digest> map = new EnumMap<>(DigestAlgorithm.class);
        for (Digest d : values) {
            map.put(d.algorithm(), d);
        }
        return new DigestSet(map);
    }

    public Optional<Digest> get(DigestAlgorithm algorithm) {
        return Optional.ofNullable(digests.get(algorithm));
    }

    public Digest sha256() {
        return get(DigestAlgorithm.SHA256).orElseThrow(() -> new IllegalStateException("no sha256 digest"));
    }

    /** At least one common algorithm, and all common algorithms equal (constant time per digest). */
    public boolean matches(DigestSet other) {
        boolean anyShared = false;
        for (Map.Entry<DigestAlgorithm, Digest> e : digests.entrySet()) {
            Digest theirs = other.digests.get(e.getKey());
            if (theirs != null) {
                anyShared = true;
                if (!e.getValue().matches(theirs)) {
                    return false;
                }
            }
        }
        return anyShared;
    }
}
