package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PKIX validation of a leaf against one trusted-root authority at a given time (the signing time, not now): the
 * authority's chain supplies the intermediates and its last certificate is the trust anchor. Intermediates a bundle
 * carries are never trusted. No revocation (offline; Fulcio certificates live minutes).
 */
final class ChainValidator {
    private ChainValidator() {}

    /** The validated path (leaf, issuer, ..., root) when the leaf chains to {@code authority} at {@code at}. */
    static Optional<List<X509Certificate>> validate(X509Certificate leaf, TrustedRoot.Authority authority, Instant at) {
        List<X509Certificate> chain = authority.chain();
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(chain.subList(0, chain.size() - 1));
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(chain.get(chain.size() - 1), null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
        List<X509Certificate> full = new ArrayList<>(path);
        full.add(chain.get(chain.size() - 1));
        return Optional.of(full);
    }
}
