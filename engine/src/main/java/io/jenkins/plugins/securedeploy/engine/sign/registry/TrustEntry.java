package io.jenkins.plugins.securedeploy.engine.sign.registry;

import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of trust material as an admin configures it (a named PEM public key, an OpenPGP keyring, an X.509 root,
 * a sigstore trusted root), serializable so a host can send it to where the artifact is. Trust material is public.
 */
public record TrustEntry(Kind kind, String name, byte[] content) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the item is. */
    public enum Kind {
        PUBLIC_KEY,
        KEYRING,
        ROOT,
        SIGSTORE_TRUSTED_ROOT;

        /** {@code publicKey}, {@code keyring}, {@code root}, {@code sigstoreTrustedRoot}. */
        public String id() {
            return switch (this) {
                case PUBLIC_KEY -> "publicKey";
                case KEYRING -> "keyring";
                case ROOT -> "root";
                case SIGSTORE_TRUSTED_ROOT -> "sigstoreTrustedRoot";
            };
        }

        public static Optional<Kind> parse(String id) {
            return Arrays.stream(values()).filter(k -> k.id().toLowerCase(Locale.ROOT)
                    .equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    public TrustEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * The entries as the verifiers' trust material. Two sigstore trusted roots are refused (which one applies would
     * be a guess).
     */
    public static TrustMaterial material(List<TrustEntry> entries) {
        List<EvidenceFile> keys = new ArrayList<>();
        List<EvidenceFile> keyrings = new ArrayList<>();
        List<EvidenceFile> roots = new ArrayList<>();
        EvidenceFile sigstore = null;
        for (TrustEntry e : entries) {
            EvidenceFile f = new EvidenceFile(e.name(), e.content);
            switch (e.kind()) {
                case PUBLIC_KEY -> keys.add(f);
                case KEYRING -> keyrings.add(f);
                case ROOT -> roots.add(f);
                case SIGSTORE_TRUSTED_ROOT -> {
                    if (sigstore != null) {
                        throw new IllegalArgumentException("two sigstore trusted roots (" + sigstore.name() + ", "
                                + e.name() + "): configure one");
                    }
                    sigstore = f;
                }
            }
        }
        return new TrustMaterial(keys, keyrings, roots, Optional.ofNullable(sigstore));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustEntry t && kind == t.kind && name.equals(t.name) && Arrays.equals(content, t.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return kind.id() + " " + name + " (" + content.length + " bytes)";
    }
}
