package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An SBOM component as rules see it (variable {@code component} in {@code scope: component}, elements of
 * {@code components}): {@code name} is the qualified name ({@code @scope/name}, {@code group:artifact}),
 * {@code licenses} the declared SPDX ids or expressions, {@code hashes} algorithm ({@code SHA-256}) → lower-case hex,
 * {@code scope} {@code required}/{@code optional}/{@code excluded} or empty, {@code development} true for
 * dev/test-only components, {@code sbom} the SBOM file it was read from.
 */
public record ComponentView(String name, String group, String version, String purl, String ecosystem,
        List<String> licenses, Map<String, String> hashes, String scope, boolean development, String sbom) {
    public ComponentView {
        Objects.requireNonNull(name, "name");
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        purl = purl == null ? "" : purl;
        ecosystem = ecosystem == null ? "" : ecosystem;
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        hashes = hashes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(hashes));
        scope = scope == null ? "" : scope;
        sbom = sbom == null ? "" : sbom;
    }
}
