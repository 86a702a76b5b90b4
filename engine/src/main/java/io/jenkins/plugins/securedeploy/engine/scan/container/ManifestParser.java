package io.jenkins.plugins.securedeploy.engine.scan.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Kubernetes manifests: multi-document YAML (documents split at {@code ---} lines, as {@code helm template}
 * and {@code kubectl} write them), keeping the workloads — Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob, Pod — and skipping every other kind (and documents without {@code apiVersion}/{@code kind}, such as a
 * compose file). A document that is not valid YAML is a located problem; the other documents are still read.
 */
public final class ManifestParser {
    static final Set<String> TEMPLATED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    /** Workloads found, and the documents that could not be read. */
    public record Parsed(List<Workload> workloads, List<Problem> problems, int documents) {}

    public Parsed parse(String content, String file) {
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        List<Workload> workloads = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int documents = 0;
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            boolean separator = i < lines.length && (lines[i].equals("---") || lines[i].startsWith("--- ")
                    || lines[i].startsWith("---\t"));
            if (i == lines.length || separator) {
                StringBuilder doc = new StringBuilder();
                for (int k = start; k < i; k++) {
                    doc.append(lines[k]).append('\n');
                }
                if (!doc.toString().isBlank() && hasContent(doc.toString())) {
                    documents++;
                    document(doc.toString(), file, start, workloads, problems);
                }
                start = i + 1;
            }
        }
        return new Parsed(workloads, problems, documents);
    }

    private static boolean hasContent(String doc) {
        for (String l : doc.split("\n")) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    private static void document(String text, String file, int offset, List<Workload> out, List<Problem> problems) {
        LocatedTree tree;
        try {
            tree = LocatedTree.read(text.getBytes(StandardCharsets.UTF_8), file, true);
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                Location l = p.location();
                problems.add(Problem.of("container.bad-manifest", p.message(), new Location(file, l.pointer(),
                        l.line() == 0 ? offset + 1 : l.line() + offset, l.column())));
            }
            return;
        }
        JsonNode root = tree.root();
        if (root == null || !root.isObject()) {
            return;
        }
        if (root.path("kind").asText("").equals("List") && root.path("items").isArray()) {
            for (int i = 0; i < root.get("items").size(); i++) {
                workload(root.get("items").get(i), "/items/" + i, tree, offset, out);
            }
            return;
        }
        workload(root, "", tree, offset, out);
    }

    private static void workload(JsonNode obj, String base, LocatedTree tree, int offset, List<Workload> out) {
        String kind = obj.path("kind").asText("");
        if (!obj.has("apiVersion")) {
            return;
        }
        String podPointer;
        if (TEMPLATED.contains(kind)) {
            podPointer = base + "/spec/template/spec";
        } else if (kind.equals("CronJob")) {
            podPointer = base + "/spec/jobTemplate/spec/template/spec";
        } else if (kind.equals("Pod")) {
            podPointer = base + "/spec";
        } else {
            return;
        }
        JsonNode pod = tree.root().at(podPointer);
        JsonNode podSc = pod.path("securityContext");
        String name = obj.path("metadata").path("name").asText("");
        String file = tree.file();
        List<Container> containers = new ArrayList<>();
        for (String list : new String[] {"initContainers", "containers"}) {
            JsonNode array = pod.path(list);
            for (int i = 0; i < array.size(); i++) {
                String p = podPointer + "/" + list + "/" + i;
                containers.add(container(array.get(i), podSc, list.equals("initContainers"), kind, name, file,
                        line(tree, p, offset)));
            }
        }
        out.add(new Workload(kind, name, obj.path("metadata").path("namespace").asText(""),
                pod.path("hostNetwork").asBoolean(false), pod.path("hostPID").asBoolean(false),
                pod.path("hostIPC").asBoolean(false), containers, file, line(tree, base, offset)));
    }

    private static long line(LocatedTree tree, String pointer, int offset) {
        Location l = tree.locate(pointer);
        return l.line() == 0 ? offset + 1 : l.line() + offset;
    }

    private static Container container(JsonNode c, JsonNode podSc, boolean init, String kind, String workload,
            String file, long line) {
        JsonNode sc = c.path("securityContext");
        boolean runAsNonRoot = sc.has("runAsNonRoot") ? sc.get("runAsNonRoot").asBoolean(false)
                : podSc.path("runAsNonRoot").asBoolean(false);
        long runAsUser = sc.has("runAsUser") ? sc.get("runAsUser").asLong(-1) : podSc.path("runAsUser").asLong(-1);
        JsonNode caps = sc.path("capabilities");
        List<Variable> env = new ArrayList<>();
        JsonNode envs = c.path("env");
        for (int i = 0; i < envs.size(); i++) {
            JsonNode e = envs.get(i);
            env.add(new Variable("env", e.path("name").asText(""), e.path("value").asText(""),
                    e.path("valueFrom").has("secretKeyRef"), file, line));
        }
        String image = c.path("image").asText("");
        return new Container(c.path("name").asText(""), image, ImageRef.parse(image, false, false), init,
                runAsNonRoot, runAsUser, sc.path("readOnlyRootFilesystem").asBoolean(false),
                sc.path("allowPrivilegeEscalation").asBoolean(true), sc.path("privileged").asBoolean(false),
                texts(caps.path("add")), texts(caps.path("drop")), strings(c.path("resources").path("limits")),
                strings(c.path("resources").path("requests")), env, kind, workload, file, line);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
