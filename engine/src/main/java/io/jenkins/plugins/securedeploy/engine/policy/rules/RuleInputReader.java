package io.jenkins.plugins.securedeploy.engine.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a sample {@link RuleInput} from JSON (for rule authors: {@code secure-deploy policy test --input}). The
 * document has the model's fields ({@code environment}, {@code artifact}, {@code findings}, {@code components},
 * {@code verifications}, {@code provenance}, {@code now}); absent fields take their empty values, a finding's
 * {@code fixable} and {@code ageDays} are derived (from {@code pkg.fixedVersion}, {@code firstSeen} and {@code now}).
 * Unknown keys and wrong types are located problems, all reported at once.
 */
public final class RuleInputReader {
    private static final Set<String> TOP = Set.of("environment", "artifact", "findings", "components",
            "verifications", "provenance", "now");

    private final List<Problem> problems = new ArrayList<>();
    private LocatedTree tree;

    public RuleInput read(Path file, String displayName) {
        try {
            return read(Files.readAllBytes(file), displayName);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read rule input: "
                    + io.jenkins.plugins.securedeploy.engine.core.IoReason.of(e), io.jenkins.plugins.securedeploy.engine.core.Location
                    .ofFile(displayName)), e);
        }
    }

    public RuleInput read(byte[] content, String displayName) {
        problems.clear();
        tree = LocatedTree.read(content, displayName, false);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new InvalidInputException(tree.problem("rule-input.not-object", "a rule input is a JSON object", ""));
        }
        keys(root, "", TOP);
        Instant now = root.has("now") ? instant(root.get("now"), "/now") : Instant.EPOCH;
        if (!root.has("now")) {
            problems.add(tree.problem("rule-input.missing-now", "field /now is required (an ISO-8601 instant, e.g. "
                    + "2026-12-01T00:00:00Z): ages are counted from it", ""));
        }
        JsonNode env = root.path("environment");
        keys(env, "/environment", Set.of("name", "labels"));
        EnvironmentView environment = new EnvironmentView(env.path("name").asText(""), strings(env.path("labels")));
        JsonNode art = root.path("artifact");
        keys(art, "/artifact", Set.of("name", "digest", "digests", "size"));
        ArtifactView artifact = new ArtifactView(art.path("name").asText(""), art.path("digest").asText(""),
                strings(art.path("digests")), art.path("size").asLong(0));
        Instant at = now;
        RuleInput input = new RuleInput(environment, artifact,
                list(root, "findings", (p) -> finding(p, at)), list(root, "components", this::component),
                list(root, "verifications", this::verification), list(root, "provenance", this::provenance), now);
        LocatedTree.failIfAny(problems);
        return input;
    }

    private <T> List<T> list(JsonNode root, String name, Function<String, T> item) {
        JsonNode array = root.path(name);
        List<T> out = new ArrayList<>();
        if (array.isMissingNode()) {
            return out;
        }
        if (!array.isArray()) {
            problems.add(tree.problem("rule-input.type", "field /" + name + " must be an array", "/" + name));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            out.add(item.apply("/" + name + "/" + i));
        }
        return out;
    }

    private FindingView finding(String p, Instant now) {
        JsonNode f = tree.root().at(p);
        keys(f, p, Set.of("tool", "ruleId", "title", "severity", "score", "category", "ids", "pkg", "file", "line",
                "fingerprint", "fresh", "firstSeen"));
        JsonNode pkg = f.path("pkg");
        keys(pkg, p + "/pkg", Set.of("name", "version", "fixedVersion", "purl"));
        PackageView pv = new PackageView(pkg.path("name").asText(""), pkg.path("version").asText(""),
                pkg.path("fixedVersion").asText(""), pkg.path("purl").asText(""));
        Instant seen = f.has("firstSeen") ? instant(f.get("firstSeen"), p + "/firstSeen") : now;
        return new FindingView(f.path("tool").asText("tool"), f.path("ruleId").asText(""), f.path("title").asText(""),
                f.path("severity").asText("UNKNOWN"), f.path("score").asDouble(0), f.has("score"),
                f.path("category").asText("OTHER"), texts(f.path("ids")), pv, f.path("file").asText(""),
                f.path("line").asLong(0), f.path("fingerprint").asText(p),
                pv.name().isEmpty() || !pv.fixedVersion().isEmpty(), f.path("fresh").asBoolean(true), seen,
                Duration.between(seen, now).toDays());
    }

    private ComponentView component(String p) {
        JsonNode c = tree.root().at(p);
        keys(c, p, Set.of("name", "group", "version", "purl", "ecosystem", "licenses", "hashes", "scope", "sbom"));
        return new ComponentView(c.path("name").asText(""), c.path("group").asText(""), c.path("version").asText(""),
                c.path("purl").asText(""), c.path("ecosystem").asText(""), texts(c.path("licenses")),
                strings(c.path("hashes")), c.path("scope").asText(""), "excluded".equals(c.path("scope").asText("")),
                c.path("sbom").asText(""));
    }

    private VerificationView verification(String p) {
        JsonNode v = tree.root().at(p);
        keys(v, p, Set.of("status", "family", "subject", "signers", "digests", "reasons", "relaxations"));
        String status = v.path("status").asText("ERROR");
        return new VerificationView(status, "VERIFIED".equals(status), v.path("family").asText(""),
                v.path("subject").asText(""), texts(v.path("signers")), strings(v.path("digests")),
                texts(v.path("reasons")), texts(v.path("relaxations")));
    }

    private ProvenanceView provenance(String p) {
        JsonNode v = tree.root().at(p);
        keys(v, p, Set.of("verified", "builder", "buildType", "source", "subjects"));
        keys(v.path("builder"), p + "/builder", Set.of("id"));
        keys(v.path("source"), p + "/source", Set.of("repo", "ref", "commit"));
        List<ProvenanceView.Artifact> subjects = new ArrayList<>();
        JsonNode s = v.path("subjects");
        for (int i = 0; i < s.size(); i++) {
            keys(s.get(i), p + "/subjects/" + i, Set.of("name", "digest"));
            subjects.add(new ProvenanceView.Artifact(s.get(i).path("name").asText(""),
                    strings(s.get(i).path("digest"))));
        }
        JsonNode src = v.path("source");
        return new ProvenanceView(v.path("verified").asBoolean(false),
                new ProvenanceView.Builder(v.path("builder").path("id").asText("")), v.path("buildType").asText(""),
                new ProvenanceView.Source(src.path("repo").asText(""), src.path("ref").asText(""),
                        src.path("commit").asText("")), subjects);
    }

    private void keys(JsonNode node, String pointer, Set<String> allowed) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(tree.problem("rule-input.type", "field " + pointer + " must be an object", pointer));
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(tree.problem("rule-input.unknown-key", "field " + pointer + ": unknown key '" + k
                        + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")", pointer + "/" + k));
            }
        }
    }

    private Instant instant(JsonNode node, String pointer) {
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            problems.add(tree.problem("rule-input.bad-instant", "field " + pointer + ": not an ISO-8601 instant "
                    + "(e.g. 2026-12-01T00:00:00Z)", pointer));
            return Instant.EPOCH;
        }
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
