package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's evidence store, masking what goes in and keeping a copy of it under a name relative to
 * {@code prefix}, so the flow can put the gate report into the evidence bundle without reading the host's store.
 */
final class CapturingStore implements EvidenceStore {
    private final EvidenceStore delegate;
    private final SecretMasker masker;
    private final String prefix;
    private final Map<String, byte[]> captured = new LinkedHashMap<>();

    CapturingStore(EvidenceStore delegate, SecretMasker masker, String prefix) {
        this.delegate = delegate;
        this.masker = masker;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public synchronized EvidenceRef store(String name, String mediaType, byte[] content) throws IOException {
        byte[] masked = masker.isEmpty() ? content : masker.mask(content);
        EvidenceRef ref = delegate.store(name, mediaType, masked);
        captured.put(name.startsWith(prefix) ? name.substring(prefix.length()) : name, masked.clone());
        return ref;
    }

    @Override
    public List<EvidenceRef> list() {
        return delegate.list();
    }

    /** What was stored, by name relative to the prefix. */
    synchronized Map<String, byte[]> captured() {
        return Map.copyOf(captured);
    }
}
