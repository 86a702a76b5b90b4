package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maven: the JSON of {@code mvn dependency:tree -DoutputType=json -DoutputFile=deps.json} (with the graph), or a
 * plain list, one dependency a line: {@code groupId:artifactId:version}, or the {@code mvn dependency:list} form
 * {@code groupId:artifactId:type[:classifier]:version:scope}. Test scope becomes {@code excluded}, provided/system
 * {@code optional}.
 */
final class MavenTreeReader implements LockfileReader {
    @Override
    public String ecosystem() {
        return "maven";
    }

    @Override
    public LockfileContents read(InputStream in, String displayName) throws IOException {
        byte[] content = Json.strict().bounded(in).readAllBytes();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            return tree(Json.strict().readTree(new java.io.ByteArrayInputStream(content), displayName), displayName);
        }
        return list(text, displayName);
    }

    private LockfileContents tree(JsonNode root, String displayName) {
        Map<String, SbomComponent> components = new TreeMap<>();
        Map<String, TreeSet<String>> edges = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        edges.put(LockfileContents.PROJECT, new TreeSet<>());
        walk(root.path("children"), "/children", LockfileContents.PROJECT, components, edges, problems, displayName);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<SbomDependency> deps = new ArrayList<>();
        edges.forEach((ref, targets) -> deps.add(new SbomDependency(ref, new ArrayList<>(targets))));
        return new LockfileContents(displayName, ecosystem(), new ArrayList<>(components.values()), deps);
    }

    private static void walk(JsonNode children, String pointer, String parentRef, Map<String, SbomComponent> out,
            Map<String, TreeSet<String>> edges, List<Problem> problems, String displayName) {
        for (int i = 0; i < children.size(); i++) {
            JsonNode n = children.get(i);
            String here = pointer + "/" + i;
            String g = n.path("groupId").asText("");
            String a = n.path("artifactId").asText("");
            String v = n.path("version").asText("");
            if (g.isEmpty() || a.isEmpty() || v.isEmpty()) {
                problems.add(Problem.of("maven.coordinates-missing", "dependency needs groupId, artifactId and version",
                        Location.ofPointer(displayName, here, 0, 0)));
                continue;
            }
            SbomComponent c = component(g, a, v, n.path("classifier").asText(""), n.path("type").asText(""),
                    n.path("scope").asText(""));
            SbomComponent existing = out.get(c.bomRef());
            if (existing == null || existing.development() && !c.development()) {
                out.put(c.bomRef(), c);
            }
            edges.computeIfAbsent(parentRef, k -> new TreeSet<>()).add(c.bomRef());
            edges.computeIfAbsent(c.bomRef(), k -> new TreeSet<>());
            walk(n.path("children"), here + "/children", c.bomRef(), out, edges, problems, displayName);
        }
    }

    private LockfileContents list(String text, String displayName) {
        Map<String, SbomComponent> components = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("The following") || t.equals("none")) {
                    continue;
                }
                t = t.split("\\s+")[0];
                String[] p = t.split(":");
                SbomComponent c = switch (p.length) {
                    case 3 -> component(p[0], p[1], p[2], "", "", "");
                    case 4 -> component(p[0], p[1], p[3], "", p[2], "");
                    case 5 -> component(p[0], p[1], p[3], "", p[2], p[4]);
                    case 6 -> component(p[0], p[1], p[4], p[3], p[2], p[5]);
                    default -> null;
                };
                if (c == null || c.group().isEmpty() || c.name().isEmpty() || c.version().isEmpty()) {
                    problems.add(Problem.of("maven.line", "expected groupId:artifactId:version or groupId:artifactId:"
                            + "type[:classifier]:version:scope", Location.of(displayName, number, 0)));
                    continue;
                }
                components.putIfAbsent(c.bomRef(), c);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LockfileContents(displayName, ecosystem(), new ArrayList<>(components.values()), List.of());
    }

    private static SbomComponent component(String g, String a, String v, String classifier, String type,
            String scope) {
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (!classifier.isEmpty()) {
            qualifiers.put("classifier", classifier);
        }
        if (!type.isEmpty() && !"jar".equals(type)) {
            qualifiers.put("type", type);
        }
        String purl = Purls.maven(g, a, v, qualifiers);
        String cdxScope = switch (scope) {
            case "test" -> "excluded";
            case "provided", "system" -> "optional";
            default -> "required";
        };
        return new SbomComponent("maven", g, a, v, purl, List.of(), Map.of(), cdxScope, purl);
    }
}
