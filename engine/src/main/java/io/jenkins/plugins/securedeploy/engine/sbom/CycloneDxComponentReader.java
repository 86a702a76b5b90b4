package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checks a schema cannot make, over CycloneDX JSON components as they stream past: duplicate bom-refs (with the
 * pointer of the first use), package URLs that packageurl-java rejects, dependency refs that name no component or
 * service,
 * and — where no schema could be applied — missing required fields. Also collects the summary: components (name,
 * version, purl, licenses) and the artifacts described (metadata component and {@code file} components with
 * SHA-256/512 hashes).
 */
final class CycloneDxComponentReader {
    private final String file;
    private final List<Problem> problems;
    private final boolean schemaChecked;
    private final Map<String, String> bomRefs = new HashMap<>();
    private final List<String[]> dependencyRefs = new ArrayList<>();
    private final List<SbomComponent> components = new ArrayList<>();
    private final List<DescribedArtifact> artifacts = new ArrayList<>();

    CycloneDxComponentReader(String file, List<Problem> problems, boolean schemaChecked) {
        this.file = file;
        this.problems = problems;
        this.schemaChecked = schemaChecked;
    }

    void component(JsonNode c, String pointer, boolean listed) {
        int line = CycloneDxJsonReader.line(c);
        String name = c.path("name").asText("");
        if (!schemaChecked) {
            for (String required : List.of("type", "name")) {
                if (!c.hasNonNull(required)) {
                    problems.add(Problem.of("cyclonedx.required", "component is missing required property "
                            + required, Location.ofPointer(file, pointer, line, 0)));
                }
            }
        }
        String bomRef = c.path("bom-ref").asText("");
        if (!bomRef.isEmpty()) {
            String first = bomRefs.putIfAbsent(bomRef, pointer);
            if (first != null) {
                problems.add(Problem.of("cyclonedx.duplicate-bom-ref", "bom-ref is already used at " + first
                        + "/bom-ref; bom-refs must be unique", Location.ofPointer(file, pointer + "/bom-ref",
                                CycloneDxJsonReader.line(c.path("bom-ref")), 0)));
            }
        }
        String purl = c.path("purl").asText("");
        if (c.has("purl")) {
            Optional<String> bad = Purls.problem(purl);
            bad.ifPresent(why -> problems.add(Problem.of("cyclonedx.purl", "invalid package URL: " + why,
                    Location.ofPointer(file, pointer + "/purl", CycloneDxJsonReader.line(c.path("purl")), 0))));
        }
        Map<String, String> hashes = new TreeMap<>();
        c.path("hashes").forEach(h -> hashes.put(h.path("alg").asText(""), h.path("content").asText("")));
        if (listed) {
            components.add(new SbomComponent(ecosystem(purl, c), c.path("group").asText(""), name,
                    c.path("version").asText(""), purl, licenses(c.path("licenses")), hashes,
                    c.path("scope").asText(""), bomRef));
        }
        if (!listed || "file".equals(c.path("type").asText(""))) {
            digests(hashes).ifPresent(d -> artifacts.add(new DescribedArtifact(name, d)));
        }
        JsonNode nested = c.path("components");
        for (int i = 0; i < nested.size(); i++) {
            component(nested.get(i), pointer + "/components/" + i, listed);
        }
    }

    /** A service: its bom-ref is unique like a component's, and dependencies may name it. */
    void service(JsonNode s, String pointer) {
        String bomRef = s.path("bom-ref").asText("");
        if (!bomRef.isEmpty()) {
            String first = bomRefs.putIfAbsent(bomRef, pointer);
            if (first != null) {
                problems.add(Problem.of("cyclonedx.duplicate-bom-ref", "bom-ref is already used at " + first
                        + "/bom-ref; bom-refs must be unique", Location.ofPointer(file, pointer + "/bom-ref",
                                CycloneDxJsonReader.line(s.path("bom-ref")), 0)));
            }
        }
    }

    void dependency(JsonNode d, String pointer) {
        if (d.hasNonNull("ref")) {
            dependencyRefs.add(new String[] {d.get("ref").asText(), pointer + "/ref",
                String.valueOf(CycloneDxJsonReader.line(d.get("ref")))});
        }
        JsonNode on = d.path("dependsOn");
        for (int i = 0; i < on.size(); i++) {
            dependencyRefs.add(new String[] {on.get(i).asText(), pointer + "/dependsOn/" + i,
                String.valueOf(CycloneDxJsonReader.line(on.get(i)))});
        }
    }

    /** Checks dependency refs once every bom-ref has been seen (they may come before the components). */
    void finish() {
        for (String[] ref : dependencyRefs) {
            if (!bomRefs.containsKey(ref[0])) {
                problems.add(Problem.of("cyclonedx.dependency-ref", "dependency names a bom-ref no component or "
                        + "service has",
                        Location.ofPointer(file, ref[1], Integer.parseInt(ref[2]), 0)));
            }
        }
    }

    List<SbomComponent> components() {
        return components;
    }

    List<DescribedArtifact> artifacts() {
        return artifacts;
    }

    private static String ecosystem(String purl, JsonNode c) {
        if (purl.startsWith("pkg:") && purl.indexOf('/') > 4) {
            return purl.substring(4, purl.indexOf('/'));
        }
        return "file".equals(c.path("type").asText("")) ? "file" : "";
    }

    static List<String> licenses(JsonNode licenses) {
        List<String> out = new ArrayList<>();
        for (JsonNode choice : licenses) {
            if (choice.hasNonNull("expression")) {
                out.add(choice.get("expression").asText());
            }
            JsonNode l = choice.path("license");
            if (l.hasNonNull("id")) {
                out.add(l.get("id").asText());
            } else if (l.hasNonNull("name")) {
                out.add(l.get("name").asText());
            }
        }
        return out;
    }

    static Optional<DigestSet> digests(Map<String, String> hashes) {
        Map<DigestAlgorithm, Digest> map = new java.util.EnumMap<>(DigestAlgorithm.class);
        hashes.forEach((alg, hex) -> DigestAlgorithm.parse(alg).ifPresent(a -> {
            try {
                map.put(a, new Digest(a, hex));
            } catch (IllegalArgumentException ignored) {
                // a malformed hash is the schema's to report; it describes no artifact
            }
        }));
        return map.isEmpty() ? Optional.empty() : Optional.of(new DigestSet(map));
    }
}
