package io.jenkins.plugins.securedeploy.engine.sign;

import java.util.List;
import java.util.Optional;

/**
 * What the verifier trusts, as read by the host (files or configuration), each item named for reasons: public keys
 * (PEM SPKI), OpenPGP keyrings (armored or binary), X.509 root certificates (PEM), and a sigstore trusted root
 * ({@code trusted_root.json}, for fully offline bundle verification). Families parse what they need and report
 * unreadable material as ERROR naming the item.
 */
public record TrustMaterial(List<EvidenceFile> publicKeys, List<EvidenceFile> keyrings, List<EvidenceFile> roots,
        Optional<EvidenceFile> sigstoreTrustedRoot) {
    public static final TrustMaterial NONE = new TrustMaterial(List.of(), List.of(), List.of(), Optional.empty());

    public TrustMaterial {
        publicKeys = publicKeys == null ? List.of() : List.copyOf(publicKeys);
        keyrings = keyrings == null ? List.of() : List.copyOf(keyrings);
        roots = roots == null ? List.of() : List.copyOf(roots);
        sigstoreTrustedRoot = sigstoreTrustedRoot == null ? Optional.empty() : sigstoreTrustedRoot;
    }

    public static TrustMaterial ofPublicKeys(EvidenceFile... keys) {
        return new TrustMaterial(List.of(keys), List.of(), List.of(), Optional.empty());
    }

    public static TrustMaterial ofKeyrings(EvidenceFile... keyrings) {
        return new TrustMaterial(List.of(), List.of(keyrings), List.of(), Optional.empty());
    }

    public static TrustMaterial ofRoots(EvidenceFile... roots) {
        return new TrustMaterial(List.of(), List.of(), List.of(roots), Optional.empty());
    }

    public static TrustMaterial ofSigstoreTrustedRoot(EvidenceFile trustedRoot) {
        return new TrustMaterial(List.of(), List.of(), List.of(), Optional.of(trustedRoot));
    }
}
