package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One in-toto subject: a name and its DigestSet ({@code {"sha256": "…"}}). The digest map keeps every algorithm the
 * statement names (in-toto allows others, e.g. {@code gce_image_id}); the ones the engine computes (sha256, sha512)
 * must be well-formed hex and are the ones compared with an artifact.
 */
public record Subject(String name, Map<String, String> digest) {
    public Subject {
        Objects.requireNonNull(name, "name");
        if (digest == null || digest.isEmpty()) {
            throw new IllegalArgumentException("subject " + name + " needs at least one digest");
        }
        Map<String, String> copy = new TreeMap<>();
        digest.forEach((alg, hex) -> {
            Objects.requireNonNull(alg, "digest algorithm");
            Objects.requireNonNull(hex, "digest value");
            DigestAlgorithm.parse(alg).filter(a -> a.id().equals(alg)).ifPresent(a -> new Digest(a, hex));
            copy.put(alg, hex);
        });
        digest = java.util.Collections.unmodifiableMap(copy);
    }

    public static Subject of(String name, DigestSet digests) {
        Map<String, String> map = new TreeMap<>();
        digests.digests().forEach((a, d) -> map.put(a.id(), d.hex()));
        return new Subject(name, map);
    }

    /** The sha256 / sha512 digests of this subject, if it names any. */
    public Optional<DigestSet> knownDigests() {
        EnumMap<DigestAlgorithm, Digest> known = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            String hex = digest.get(a.id());
            if (hex != null) {
                known.put(a, new Digest(a, hex));
            }
        }
        return known.isEmpty() ? Optional.empty() : Optional.of(new DigestSet(known));
    }

    /** Whether {@code artifact} is this subject: they share an algorithm and every shared one agrees. */
    public boolean matches(DigestSet artifact) {
        return knownDigests().map(d -> d.matches(artifact)).orElse(false);
    }
}
