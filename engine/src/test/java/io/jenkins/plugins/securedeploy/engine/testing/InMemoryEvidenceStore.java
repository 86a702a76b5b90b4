package io.jenkins.plugins.securedeploy.engine.testing;

import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link EvidenceStore} in memory; {@link #content(String)} gives back what was stored. */
public final class InMemoryEvidenceStore implements EvidenceStore {
    private final Map<String, byte[]> contents = new ConcurrentSkipListMap<>();
    private final Map<String, EvidenceRef> refs = new ConcurrentSkipListMap<>();

    @Override
    public EvidenceRef store(String name, String mediaType, byte[] content) {
        String key = WorkspacePaths.normalize(name);
        EvidenceRef ref = new EvidenceRef(key, mediaType, EvidenceRef.digest(content), content.length);
        contents.put(key, content.clone());
        refs.put(key, ref);
        return ref;
    }

    @Override
    public List<EvidenceRef> list() {
        return List.copyOf(refs.values());
    }

    public byte[] content(String name) {
        byte[] c = contents.get(WorkspacePaths.normalize(name));
        if (c == null) {
            throw new IllegalArgumentException("no evidence named " + name);
        }
        return c.clone();
    }

    public Map<String, byte[]> contents() {
        return Map.copyOf(contents);
    }
}
