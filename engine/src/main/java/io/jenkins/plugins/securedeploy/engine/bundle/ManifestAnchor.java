package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the verifier's user trusts to have signed a bundle's manifest — never the bundle's own say-so: a public key
 * they hold ({@code --key}, PEM), or the id of one ({@code --keyid sha256:...}) that is then looked up among the keys
 * in the bundle's trust folder (the id is the SHA-256 of the key, so a pinned id admits exactly one key, wherever it
 * comes from). Both together mean: the key in that file with that id.
 */
public record ManifestAnchor(Optional<EvidenceFile> key, Optional<String> keyId) {
    private static final Pattern KEY_ID = Pattern.compile("sha256:[0-9a-f]{64}");

    public ManifestAnchor {
        key = key == null ? Optional.empty() : key;
        keyId = keyId == null ? Optional.empty() : keyId;
        if (key.isEmpty() && keyId.isEmpty()) {
            throw new IllegalArgumentException("a bundle is verified against a key you trust: give the key (--key) or "
                    + "pin its id (--keyid); the bundle's own key is never trusted on its own");
        }
        keyId.ifPresent(id -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is sha256: and 64 lower-case hex characters (as "
                        + "'secure-deploy attest' and 'verify-bundle' print it)");
            }
        });
    }

    public static ManifestAnchor key(EvidenceFile pem) {
        return new ManifestAnchor(Optional.of(Objects.requireNonNull(pem, "pem")), Optional.empty());
    }

    public static ManifestAnchor keyId(String id) {
        return new ManifestAnchor(Optional.empty(), Optional.of(Objects.requireNonNull(id, "id")));
    }

    /** {@code the key in signer.pub} / {@code the pinned key id sha256:...}. */
    public String describe() {
        if (key.isPresent()) {
            return "the key in " + key.get().name() + keyId.map(id -> " with id " + id).orElse("");
        }
        return "the pinned key id " + keyId.orElseThrow() + " (key taken from the bundle's trust folder)";
    }
}
