package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SPDX checks shared by the JSON and tag-value readers: unique SPDXIDs, package URLs that parse, relationships that
 * name existing elements; and the summary (packages as components, described packages and files with SHA-256/512
 * checksums as artifacts).
 */
final class SpdxSemantics {
    private final String file;
    private final List<Problem> problems;
    private final Map<String, String> ids = new HashMap<>();
    private final List<String[]> references = new ArrayList<>();
    private final Set<String> described = new HashSet<>();
    private final List<SbomComponent> components = new ArrayList<>();
    private final Map<String, Map<String, String>> packageHashes = new HashMap<>();
    private final Map<String, String> packageNames = new HashMap<>();
    private final List<DescribedArtifact> artifacts = new ArrayList<>();

    SpdxSemantics(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    void element(String spdxId, String pointer, int line) {
        if (spdxId.isEmpty()) {
            return; // the schema / required-field check reports it
        }
        String first = ids.putIfAbsent(spdxId, pointer);
        if (first != null) {
            problems.add(Problem.of("spdx.duplicate-id", "SPDXID is already used at " + first + "; SPDXIDs must be "
                    + "unique", Location.ofPointer(file, pointer, line, 0)));
        }
    }

    void purl(String purl, String pointer, int line) {
        Purls.problem(purl).ifPresent(why -> problems.add(Problem.of("spdx.purl", "invalid package URL: " + why,
                Location.ofPointer(file, pointer, line, 0))));
    }

    void reference(String id, String pointer, int line) {
        references.add(new String[] {id, pointer, String.valueOf(line)});
    }

    void describes(String id) {
        described.add(id);
    }

    void pkg(String spdxId, String name, String version, String purl, List<String> licenses,
            List<String[]> checksums) {
        Map<String, String> hashes = hashes(checksums);
        String eco = purl.startsWith("pkg:") && purl.indexOf('/') > 4 ? purl.substring(4, purl.indexOf('/')) : "";
        components.add(new SbomComponent(eco, "", name, version, purl, licenses, hashes, "", spdxId));
        packageHashes.put(spdxId, hashes);
        packageNames.put(spdxId, name);
    }

    void file(String name, List<String[]> checksums) {
        CycloneDxComponentReader.digests(hashes(checksums)).ifPresent(d -> artifacts.add(new DescribedArtifact(name,
                d)));
    }

    void finish(String documentId) {
        for (String[] ref : references) {
            String id = ref[0];
            boolean external = id.startsWith("DocumentRef-") || "NONE".equals(id) || "NOASSERTION".equals(id);
            if (!external && !id.equals(documentId) && !ids.containsKey(id)) {
                problems.add(Problem.of("spdx.relationship-ref", "relationship names an SPDXID no element has",
                        Location.ofPointer(file, ref[1], Integer.parseInt(ref[2]), 0)));
            }
        }
        for (String id : described) {
            Map<String, String> hashes = packageHashes.get(id);
            if (hashes != null) {
                CycloneDxComponentReader.digests(hashes).ifPresent(d -> artifacts.add(
                        new DescribedArtifact(packageNames.get(id), d)));
            }
        }
    }

    List<SbomComponent> components() {
        return components;
    }

    List<DescribedArtifact> artifacts() {
        return artifacts;
    }

    /** A concluded/declared license worth recording: not NOASSERTION, NONE or empty. */
    static Optional<String> license(String value) {
        String v = value.strip();
        return v.isEmpty() || "NOASSERTION".equals(v) || "NONE".equals(v) ? Optional.empty() : Optional.of(v);
    }

    private static Map<String, String> hashes(List<String[]> checksums) {
        Map<String, String> out = new TreeMap<>();
        for (String[] c : checksums) {
            String alg = c[0].toUpperCase(Locale.ROOT);
            String name = switch (alg) {
                case "SHA1" -> "SHA-1";
                case "SHA256" -> "SHA-256";
                case "SHA384" -> "SHA-384";
                case "SHA512" -> "SHA-512";
                default -> alg;
            };
            out.put(name, c[1].toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
