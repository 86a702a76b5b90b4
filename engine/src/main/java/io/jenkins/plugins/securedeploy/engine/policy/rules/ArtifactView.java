package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * What is deployed: {@code name}, {@code digest} ({@code sha256:<hex>}, empty when unknown), all digests
 * (algorithm id such as {@code sha256} → hex) and size in bytes (0 when unknown).
 */
public record ArtifactView(String name, String digest, Map<String, String> digests, long size) {
    public static final ArtifactView NONE = new ArtifactView("", "", Map.of(), 0);

    public ArtifactView {
        name = name == null ? "" : name;
        digest = digest == null ? "" : digest;
        digests = digests == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(digests));
    }
}
