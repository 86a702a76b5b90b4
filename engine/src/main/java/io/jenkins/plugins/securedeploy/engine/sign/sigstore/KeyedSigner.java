package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signer of a public-key bundle ({@code verificationMaterial.publicKey}): one of the trust material's public keys
 * (PEM SPKI), preferring those whose key id ({@code SHA256:<base64>} or {@code sha256:<hex>}) is the bundle's hint,
 * restricted to the policy's {@code allowedKeyIds} when that list is not empty. The key that verifies the signature
 * is chosen; when none does, the first candidate is returned so the content check reports the bad signature.
 */
record KeyedSigner(PublicKey key, String id) implements SigstoreBundleVerifier.Signer {
    @Override
    public byte[] der() {
        return key.getEncoded();
    }

    @Override
    public String role() {
        return "trusted public key " + id;
    }

    static Optional<SigstoreBundleVerifier.Signer> resolve(Bundle bundle, TrustMaterial trust, VerificationPolicy policy,
            Findings findings) {
        String at = bundle.material().certificatePointer();
        if (trust.publicKeys().isEmpty()) {
            findings.error("public-key", "the bundle is signed with a public key but no trusted public key was given",
                    bundle.at(at));
            return Optional.empty();
        }
        List<KeyedSigner> all = new ArrayList<>();
        for (EvidenceFile file : trust.publicKeys()) {
            try {
                KeyMaterial.Pem pem = KeyMaterial.pem(file.content());
                PublicKey key = pem instanceof KeyMaterial.PemKey k ? k.key()
                        : ((KeyMaterial.PemCertificate) pem).certificate().getPublicKey();
                all.add(new KeyedSigner(key, KeyMaterial.keyIds(key).get(0)));
            } catch (IllegalArgumentException e) {
                findings.error("public-key", "the trusted public key does not decode as PEM: " + e.getMessage(),
                        Location.ofFile(file.name()));
                return Optional.empty();
            }
        }
        Optional<String> hint = bundle.material().publicKeyHint();
        List<KeyedSigner> hinted = all.stream()
                .filter(s -> hint.isPresent() && KeyMaterial.keyIds(s.key()).contains(hint.get())).toList();
        List<KeyedSigner> candidates = hinted.isEmpty() ? all : hinted;
        if (!policy.allowedKeyIds().isEmpty()) {
            candidates = candidates.stream().filter(s -> KeyMaterial.keyIds(s.key()).stream()
                    .anyMatch(policy.allowedKeyIds()::contains)).toList();
            if (candidates.isEmpty()) {
                findings.fail("key-not-allowed", "no trusted public key for this bundle is in the policy's allowedKeyIds",
                        bundle.at(at));
                return Optional.empty();
            }
        }
        for (KeyedSigner candidate : candidates) {
            if (signs(bundle, candidate.key())) {
                return Optional.of(candidate);
            }
        }
        return Optional.of(candidates.get(0));
    }

    private static boolean signs(Bundle bundle, PublicKey key) {
        if (bundle.dsse().isPresent()) {
            return Signatures.verify(key, bundle.dsse().get().pae(), bundle.signature());
        }
        Bundle.MessageSignature m = bundle.messageSignature().orElseThrow();
        return Signatures.verifyPrehashed(key, "sha2_512".equalsIgnoreCase(m.digestAlgorithm()) ? "SHA-512" : "SHA-256",
                m.digest(), m.signature());
    }
}
