package io.jenkins.plugins.securedeploy.jenkins.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the org-wide waiver rules an admin enters (YAML or JSON, strict) and checks them against the floor. No
 * Jenkins imports: it moves to the engine's {@code policy} package once that owns the waiver model.
 *
 * <pre>
 * waivers:
 *   - id: CVE-2023-44487              # finding or rule id (required)
 *     package: pkg:maven/io.netty/    # optional package URL prefix the waiver is limited to
 *     reason: not reachable, HTTP/2 disabled (required)
 *     owner: platform-security        # who answers for it (required)
 *     expires: 2025-06-30             # ISO date; required unless waivers without expiry are allowed
 * </pre>
 * A top-level list (without {@code waivers:}) is accepted too. Problems carry a JSON pointer; messages never echo
 * values.
 */
public final class WaiverRulesParser {
    /** Name used in problem locations. */
    public static final String SOURCE = "waiverRules";

    private static final Set<String> FIELDS = Set.of("id", "package", "reason", "owner", "expires");

    private WaiverRulesParser() {}

    /** One org-wide waiver. */
    public record WaiverRule(String id, String packagePrefix, String reason, String owner,
            Optional<LocalDate> expires, String pointer) {}

    /** Parsed rules and the problems that make the text unusable. */
    public record Result(List<WaiverRule> rules, List<Problem> errors) {
        public Result {
            rules = List.copyOf(rules);
            errors = List.copyOf(errors);
        }
    }

    /** Parses the text; blank text is no rules. Never throws for bad input: problems are in the result. */
    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return new Result(List.of(), List.of());
        }
        JsonNode root;
        try {
            root = Json.strict().readYamlTree(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE);
        } catch (InvalidInputException e) {
            return new Result(List.of(), e.problems());
        }
        String base = "";
        JsonNode list = root;
        if (root.isObject()) {
            list = root.get("waivers");
            base = "/waivers";
            if (list == null || root.size() != 1) {
                return new Result(List.of(), List.of(problem("waiver.structure", "",
                        "expected a list of waivers, or a mapping with the single key 'waivers'")));
            }
        }
        if (!list.isArray()) {
            return new Result(List.of(), List.of(problem("waiver.structure", base, "expected a list of waivers")));
        }
        List<WaiverRule> rules = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            readRule(list.get(i), base + "/" + i, rules, errors);
        }
        return new Result(rules, errors);
    }

    /** Floor limits: an expiry is required unless allowed, and no waiver may run longer than {@code maxDays}. */
    public static List<Problem> checkLimits(List<WaiverRule> rules, int maxDays, boolean allowWithoutExpiry,
            LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        LocalDate latest = today.plusDays(maxDays);
        for (WaiverRule rule : rules) {
            if (rule.expires().isEmpty()) {
                if (!allowWithoutExpiry) {
                    problems.add(problem("waiver.expiry-required", rule.pointer() + "/expires",
                            "an expiry date is required (waivers without expiry are not allowed)"));
                }
            } else if (rule.expires().get().isAfter(latest)) {
                problems.add(problem("waiver.too-long", rule.pointer() + "/expires",
                        "expires " + ChronoUnit.DAYS.between(today, rule.expires().get())
                                + " days from today; the limit is " + maxDays + " days"));
            }
        }
        return problems;
    }

    /** Waivers whose expiry date has passed: they no longer apply (reported as warnings). */
    public static List<Problem> expired(List<WaiverRule> rules, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        for (WaiverRule rule : rules) {
            if (rule.expires().isPresent() && rule.expires().get().isBefore(today)) {
                problems.add(problem("waiver.expired", rule.pointer() + "/expires",
                        "has expired and no longer applies"));
            }
        }
        return problems;
    }

    private static void readRule(JsonNode node, String pointer, List<WaiverRule> rules, List<Problem> errors) {
        if (!node.isObject()) {
            errors.add(problem("waiver.structure", pointer, "a waiver is a mapping with id, reason, owner, expires"));
            return;
        }
        int before = errors.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(problem("waiver.unknown-field", pointer,
                        "unknown field; allowed are id, package, reason, owner, expires"));
            }
        }
        String id = requiredText(node, "id", pointer, errors);
        String reason = requiredText(node, "reason", pointer, errors);
        String owner = requiredText(node, "owner", pointer, errors);
        String packagePrefix = optionalText(node, "package", pointer, errors);
        Optional<LocalDate> expires = Optional.empty();
        String date = optionalText(node, "expires", pointer, errors);
        if (!date.isEmpty()) {
            try {
                expires = Optional.of(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                errors.add(problem("waiver.bad-date", pointer + "/expires", "expected a date as YYYY-MM-DD"));
            }
        }
        if (errors.size() == before) {
            rules.add(new WaiverRule(id, packagePrefix, reason, owner, expires, pointer));
        }
    }

    private static String requiredText(JsonNode node, String field, String pointer, List<Problem> errors) {
        JsonNode raw = node.get(field);
        String value = optionalText(node, field, pointer, errors);
        if (value.isEmpty() && (raw == null || raw.isNull() || raw.isTextual())) {
            errors.add(problem("waiver.missing-field", pointer + "/" + field, "is required"));
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field, String pointer, List<Problem> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            errors.add(problem("waiver.not-text", pointer + "/" + field, "must be text"));
            return "";
        }
        return value.asText().trim();
    }

    private static Problem problem(String code, String pointer, String message) {
        return Problem.of(code, message, Location.ofPointer(SOURCE, pointer, 0, 0));
    }
}
