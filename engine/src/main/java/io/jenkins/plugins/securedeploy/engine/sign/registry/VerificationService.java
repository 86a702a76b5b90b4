package io.jenkins.plugins.securedeploy.engine.sign.registry;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one verification service hosts call: picks the family (auto-detected, or forced), verifies, and caches the
 * result within a run by (family, evidence digest, artifact digest, trust material digest, policy), so the same
 * evidence is not checked twice in one build. A service instance lives for one run; results are values.
 */
public final class VerificationService {
    private final Verifiers verifiers;
    private final Map<Key, VerificationResult> cache = new ConcurrentHashMap<>();

    public VerificationService(Verifiers verifiers) {
        this.verifiers = Objects.requireNonNull(verifiers, "verifiers");
    }

    public static VerificationService standard() {
        return new VerificationService(Verifiers.standard());
    }

    /** Verifies with the family that recognises the evidence; no or several families is an ERROR. */
    public VerificationResult verify(VerificationRequest request) {
        return verify(request, Optional.empty());
    }

    /** Verifies with {@code family} when given (unknown family = ERROR), else auto-detected. */
    public VerificationResult verify(VerificationRequest request, Optional<String> family) {
        Verifier verifier;
        if (family.isPresent()) {
            verifier = verifiers.find(family.get()).orElse(null);
            if (verifier == null) {
                return VerificationResult.error(family.get(), request.describe(), List.of(Problem.of(
                        "verify.unknown-family", "unknown verifier family " + family.get() + " (known: "
                                + String.join(", ", verifiers.families()) + ")",
                        Location.ofFile(request.evidence().name()))));
            }
        } else {
            Verifiers.Detection d = verifiers.detect(request.evidence());
            if (d.verifier().isEmpty()) {
                return VerificationResult.error("auto", request.describe(), List.of(d.problem().orElseThrow()));
            }
            verifier = d.verifier().get();
        }
        Verifier chosen = verifier;
        Key key;
        try {
            key = key(chosen.family(), request);
        } catch (RuntimeException e) {
            return Verifications.guarded(chosen.family(), request, r -> {
                throw e;
            });
        }
        return cache.computeIfAbsent(key, k -> chosen.verify(request));
    }

    /** How many distinct verifications this run holds (for tests and logs). */
    public int cachedResults() {
        return cache.size();
    }

    private static Key key(String family, VerificationRequest r) {
        Digest evidence = Hashing.sha256(r.evidence().content());
        String artifact = r.artifact().map(a -> Verifications.hash(a, Set.of(DigestAlgorithm.SHA256)).sha256()
                .toString()).orElse("");
        return new Key(family, evidence.toString(), artifact, trustDigest(r.trust()), r.policy());
    }

    private static String trustDigest(TrustMaterial t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<EvidenceFile> group : List.of(t.publicKeys(), t.keyrings(), t.roots(),
                t.sigstoreTrustedRoot().map(List::of).orElse(List.of()))) {
            out.write('|');
            for (EvidenceFile f : group) {
                out.writeBytes(Hashing.sha256(f.content()).toString().getBytes(StandardCharsets.US_ASCII));
                out.write(',');
            }
        }
        return Hashing.sha256(out.toByteArray()).toString();
    }

    private record Key(String family, String evidence, String artifact, String trust, VerificationPolicy policy) {}
}
