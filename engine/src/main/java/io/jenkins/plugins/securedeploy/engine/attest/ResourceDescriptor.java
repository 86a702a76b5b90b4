package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-toto v1 ResourceDescriptor as SLSA uses it for resolved dependencies and byproducts: a name, an optional URI,
 * a digest map and an optional media type (e.g. the SBOM, {@code application/vnd.cyclonedx+json}).
 */
public record ResourceDescriptor(String name, String uri, Map<String, String> digest, String mediaType) {
    public static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";

    public ResourceDescriptor {
        name = name == null ? "" : name;
        uri = uri == null ? "" : uri;
        digest = digest == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(digest));
        mediaType = mediaType == null ? "" : mediaType;
        if (name.isEmpty() && uri.isEmpty() && digest.isEmpty()) {
            throw new IllegalArgumentException("a resource descriptor needs a name, uri or digest");
        }
    }

    public static ResourceDescriptor of(String name, DigestSet digests, String mediaType) {
        return new ResourceDescriptor(name, "", Subject.of(name, digests).digest(), mediaType);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!name.isEmpty()) {
            out.put("name", name);
        }
        if (!uri.isEmpty()) {
            out.put("uri", uri);
        }
        if (!digest.isEmpty()) {
            out.put("digest", digest);
        }
        if (!mediaType.isEmpty()) {
            out.put("mediaType", mediaType);
        }
        return out;
    }

    static ResourceDescriptor fromJson(Map<String, Object> m) {
        @SuppressWarnings("unchecked")
        Map<String, String> d = m.get("digest") instanceof Map<?, ?> dm ? (Map<String, String>) dm : Map.of();
        return new ResourceDescriptor(str(m.get("name")), str(m.get("uri")), d, str(m.get("mediaType")));
    }

    private static String str(Object o) {
        return o instanceof String s ? s : "";
    }

}
