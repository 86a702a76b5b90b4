package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import java.util.List;
import java.util.Optional;

/**
 * The hook for checking an audit excerpt's own hash chain (beyond its digest, which the manifest covers). The audit
 * log package is not part of this build yet; when it is, an implementation over its verifier is passed to
 * {@link BundleVerifier} (and becomes the default). Until then {@link #NOT_AVAILABLE} reports every excerpt as
 * "chain not checked", which results show — never as checked.
 */
@FunctionalInterface
public interface AuditExcerptCheck {
    /**
     * The problems found in the excerpt's chain (empty list: it holds), or empty when this check cannot run here.
     *
     * @param path the excerpt's bundle path (for problem locations)
     * @param trust the bundle's trust material (for signed checkpoints)
     */
    Optional<List<Problem>> check(String path, String mediaType, byte[] content, TrustMaterial trust);

    /** No chain check in this build: every excerpt is reported as not checked. */
    AuditExcerptCheck NOT_AVAILABLE = (path, mediaType, content, trust) -> Optional.empty();
}
