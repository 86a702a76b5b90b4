package io.jenkins.plugins.securedeploy.engine.sbom;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One component of an SBOM, format-neutral: what the policy package deny-lists (name, version, purl, licenses) and
 * what {@link SbomDiff} compares. {@code hashes} maps CycloneDX algorithm names ({@code SHA-256}, {@code SHA-512},
 * {@code SHA-1}) to lower-case hex; {@code scope} is {@code required}, {@code optional} or {@code excluded} (dev/test
 * only) or empty when the source does not say.
 *
 * @param group Maven groupId, npm scope or empty
 * @param ecosystem purl type ({@code npm}, {@code maven}, {@code pypi}, {@code golang}) or {@code file} for artifacts
 */
public record SbomComponent(String ecosystem, String group, String name, String version, String purl,
        List<String> licenses, Map<String, String> hashes, String scope, String bomRef) {
    public SbomComponent {
        Objects.requireNonNull(name, "name");
        ecosystem = ecosystem == null ? "" : ecosystem;
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        purl = purl == null ? "" : purl;
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        hashes = hashes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hashes));
        scope = scope == null ? "" : scope;
        bomRef = bomRef == null || bomRef.isEmpty() ? purl : bomRef;
    }

    /** {@code group/name} (npm {@code @scope/name}, Maven {@code groupId:artifactId}) or {@code name}. */
    public String qualifiedName() {
        if (group.isEmpty()) {
            return name;
        }
        return "maven".equals(ecosystem) ? group + ":" + name : group + "/" + name;
    }

    /** {@code qualifiedName@version}: the identity {@link SbomDiff} and the interop tests compare. */
    public String coordinates() {
        return qualifiedName() + "@" + version;
    }

    public boolean development() {
        return "excluded".equals(scope);
    }

    public SbomComponent withScope(String newScope) {
        return new SbomComponent(ecosystem, group, name, version, purl, licenses, hashes, newScope, bomRef);
    }
}
