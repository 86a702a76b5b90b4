package io.jenkins.plugins.securedeploy.engine.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Archives evidence (reports, SBOMs, attestations) with the build and fingerprints it. Hosts mask content before it
 * is stored. Names are archive-relative paths and follow {@link WorkspacePaths} rules.
 */
public interface EvidenceStore {
    EvidenceRef store(String name, String mediaType, byte[] content) throws IOException;

    List<EvidenceRef> list();

    /** Writes a piece of evidence of any size to the stream it is given (once). */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Stores evidence written by {@code content} — a gate report of any size. A store that can write to its
     * destination as a stream overrides this (masking on the way); by default the content is gathered in memory and
     * stored as bytes.
     */
    default EvidenceRef store(String name, String mediaType, Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        return store(name, mediaType, out.toByteArray());
    }
}
