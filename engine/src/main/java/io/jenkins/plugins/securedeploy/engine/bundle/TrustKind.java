package io.jenkins.plugins.securedeploy.engine.bundle;

import java.util.Optional;

/** Which kind of trust material a {@link BundleRole#TRUST} file is (the verifier reads it as that kind). */
public enum TrustKind {
    PUBLIC_KEY("public-key"),
    PGP_KEYRING("pgp-keyring"),
    X509_ROOT("x509-root"),
    SIGSTORE_TRUSTED_ROOT("sigstore-trusted-root");

    private final String id;

    TrustKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<TrustKind> parse(String id) {
        for (TrustKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
