package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import java.util.Objects;

/** A recorded piece of evidence: its archive name, media type, digests and size. */
public record EvidenceRef(String name, String mediaType, DigestSet digests, long size) {
    public EvidenceRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digests, "digests");
    }
}
