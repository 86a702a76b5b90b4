package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import java.util.ArrayList;
import java.util.List;

/** The trusted public keys of a request, read from its trust material and narrowed to the policy's allow-list. */
public final class TrustedKeys {
    private TrustedKeys() {}

    /** Every public key in the trust material (unreadable material is an InvalidInputException naming the file). */
    public static List<TrustedKey> all(TrustMaterial trust) {
        List<TrustedKey> out = new ArrayList<>();
        for (EvidenceFile f : trust.publicKeys()) {
            out.addAll(PemKeys.publicKeys(f));
        }
        return out;
    }

    /** The keys the policy allows: all of them when it lists no key ids. */
    public static List<TrustedKey> allowed(TrustMaterial trust, VerificationPolicy policy) {
        List<TrustedKey> keys = all(trust);
        if (policy.allowedKeyIds().isEmpty()) {
            return keys;
        }
        return keys.stream().filter(k -> policy.allowedKeyIds().contains(k.keyId())).toList();
    }

    /**
     * The key that verifies {@code signature} over {@code message}: the keys whose id equals {@code keyIdHint} are
     * tried first; when none has that id (other tools name keys their own way), every key is tried. Null if none.
     */
    public static TrustedKey verifying(List<TrustedKey> keys, String keyIdHint, byte[] message, byte[] signature) {
        List<TrustedKey> named = keys.stream().filter(k -> k.keyId().equals(keyIdHint)).toList();
        for (TrustedKey k : named.isEmpty() ? keys : named) {
            if (k.verify(message, signature)) {
                return k;
            }
        }
        return null;
    }
}
