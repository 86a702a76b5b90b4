package io.jenkins.plugins.securedeploy.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.JsonSchemas;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.policy.rules.CompiledRule;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleSpec;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleSpecReader;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code .secure-deploy.yml} (YAML or JSON) and floor files: strict parsing, validation against the shipped
 * {@code policy.schema.json} reporting every problem with file, line and field, then conversion to {@link Policy}.
 */
public final class PolicyReader {
    public static final String SCHEMA = "/io/jenkins/plugins/securedeploy/engine/policy/policy.schema.json";
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    public Policy read(Path file, String displayName) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(Problem.of("file.directory",
                    "is a directory, not a policy file (give the file, e.g. " + displayName.replaceAll("/+$", "")
                            + "/.secure-deploy.yml)", Location.ofFile(displayName)));
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(Problem.of("policy.too-large",
                        "policy file is larger than " + MAX_BYTES + " bytes", Location.ofFile(displayName)));
            }
            return read(Files.readAllBytes(file), displayName);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(
                    Problem.of("file.missing", "policy file does not exist", Location.ofFile(displayName)), e);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable",
                    "cannot read policy file: " + IoReason.of(e), Location.ofFile(displayName)), e);
        }
    }

    public Policy read(byte[] content, String displayName) {
        return read(content, displayName, RuleSpec.Origin.PROJECT);
    }

    /** Reads policy content whose rules are of {@code origin} (FLOOR for an admin floor). */
    public Policy read(byte[] content, String displayName, RuleSpec.Origin origin) {
        LocatedTree tree = LocatedTree.read(content, displayName, !looksLikeJson(content));
        List<Problem> problems = new ArrayList<>(JsonSchemas.validate(SCHEMA, tree));
        LocatedTree.failIfAny(problems);
        JsonNode root = tree.root();
        List<Waiver> waivers = waivers(root.path("waivers"), tree, problems);
        List<CompiledRule> rules = List.of();
        try {
            rules = PolicyRules.compile(new RuleSpecReader().read(tree, content, "/rules", origin));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        LocatedTree.failIfAny(problems);
        Map<String, Thresholds> tools = new LinkedHashMap<>();
        root.path("tools").fields().forEachRemaining(e -> tools.put(e.getKey(), thresholds(e.getValue())));
        Map<Category, Thresholds> categories = new EnumMap<>(Category.class);
        root.path("categories").fields().forEachRemaining(
                e -> categories.put(Category.valueOf(e.getKey()), thresholds(e.getValue())));
        List<String> required = new ArrayList<>();
        root.path("requiredReports").forEach(n -> required.add(n.asText()));
        JsonNode ev = root.path("evidence");
        JsonNode wr = root.path("waiverRules");
        JsonNode or = root.path("overrideRules");
        return new Policy(thresholds(root.path("thresholds")), bool(root.path("fixableOnly")), tools, categories,
                required,
                new EvidenceRequirements(bool(ev.path("sbom")), bool(ev.path("signature")),
                        bool(ev.path("provenance")), bool(ev.path("approvals"))),
                new WaiverRules(integer(wr.path("maxDays")), bool(wr.path("allowWithoutExpiry"))),
                new OverrideRules(bool(or.path("allowed")), integer(or.path("maxDays"))),
                waivers, displayName, tree.locations(),
                new ComponentRules(texts(root.path("sbom").path("denyLicenses")),
                        texts(root.path("sbom").path("denyPackages"))), rules);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean looksLikeJson(byte[] content) {
        for (byte b : content) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static Thresholds thresholds(JsonNode node) {
        if (node.isMissingNode()) {
            return Thresholds.NONE;
        }
        JsonNode cvss = node.path("cvss");
        return new Thresholds(limits(node.path("total")), limits(node.path("new")),
                cvss.isNumber() ? Double.valueOf(cvss.asDouble()) : null);
    }

    private static SeverityLimits limits(JsonNode node) {
        Map<Severity, Integer> map = new EnumMap<>(Severity.class);
        Integer any = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if ("any".equals(e.getKey())) {
                any = e.getValue().asInt();
            } else {
                map.put(Severity.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue().asInt());
            }
        }
        return new SeverityLimits(map, any);
    }

    private static Boolean bool(JsonNode n) {
        return n.isBoolean() ? Boolean.valueOf(n.asBoolean()) : null;
    }

    private static Integer integer(JsonNode n) {
        return n.isIntegralNumber() ? Integer.valueOf(n.asInt()) : null;
    }

    private static List<Waiver> waivers(JsonNode array, LocatedTree tree, List<Problem> problems) {
        List<Waiver> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode w = array.get(i);
            String base = "/waivers/" + i;
            LocalDate expires = null;
            if (w.hasNonNull("expires")) {
                try {
                    expires = LocalDate.parse(w.get("expires").asText());
                } catch (DateTimeParseException e) {
                    problems.add(tree.problem("waiver.bad-date",
                            "field " + base + "/expires: not a valid ISO date (yyyy-mm-dd)", base + "/expires"));
                    continue;
                }
            }
            for (Waiver.Kind kind : Waiver.Kind.values()) {
                if (w.hasNonNull(kind.key())) {
                    out.add(new Waiver(kind, w.get(kind.key()).asText(), w.path("tool").asText(null),
                            w.get("owner").asText(), w.get("reason").asText(), w.path("ticket").asText(""),
                            expires, tree.locate(base)));
                }
            }
        }
        return out;
    }
}
