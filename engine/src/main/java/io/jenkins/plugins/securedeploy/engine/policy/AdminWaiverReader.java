package io.jenkins.plugins.securedeploy.engine.policy;

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
import java.util.Set;

/**
 * Reads the organisation-wide waivers an administrator enters (YAML or JSON, strict) into {@link Waiver}s of kind
 * {@code id}, each optionally narrowed to a package URL prefix:
 *
 * <pre>
 * waivers:
 *   - id: CVE-2023-44487              # finding or rule id (required)
 *     package: pkg:maven/io.netty/    # optional: only findings in packages whose purl starts with this
 *     reason: not reachable, HTTP/2 disabled (required)
 *     owner: platform-security        # who answers for it (required)
 *     expires: 2025-06-30             # ISO date; required unless the floor allows waivers without expiry
 * </pre>
 * A top-level list (without {@code waivers:}) is accepted too. Problems carry a JSON pointer into {@code source};
 * messages never echo values (an admin may paste a token by mistake).
 */
public final class AdminWaiverReader {
    private static final Set<String> FIELDS = Set.of("id", "package", "reason", "owner", "expires");

    private final String source;

    /** {@code source} names the text in every problem (e.g. {@code waiverRules}). */
    public AdminWaiverReader(String source) {
        this.source = source;
    }

    /** Parsed waivers and the problems that make the text unusable (no waiver is returned when there are any). */
    public record Result(List<Waiver> waivers, List<Problem> errors) {
        public Result {
            waivers = List.copyOf(waivers);
            errors = List.copyOf(errors);
        }

        /** The waivers, or an {@link InvalidInputException} listing every problem. */
        public List<Waiver> orThrow() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return waivers;
        }
    }

    /** Parses the text; blank text is no waivers. Never throws for bad input: problems are in the result. */
    public Result read(String text) {
        if (text == null || text.isBlank()) {
            return new Result(List.of(), List.of());
        }
        JsonNode root;
        try {
            root = Json.strict().readYamlTree(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source);
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
        List<Waiver> waivers = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            readOne(list.get(i), base + "/" + i, waivers, errors);
        }
        return errors.isEmpty() ? new Result(waivers, List.of()) : new Result(List.of(), errors);
    }

    /** Floor limits: an expiry is required unless allowed, and no waiver may run longer than {@code maxDays}. */
    public static List<Problem> checkLimits(List<Waiver> waivers, int maxDays, boolean allowWithoutExpiry,
            LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        LocalDate latest = today.plusDays(maxDays);
        for (Waiver w : waivers) {
            Location at = w.declaredAt().withPointer(w.declaredAt().pointer() + "/expires");
            if (w.expires() == null) {
                if (!allowWithoutExpiry) {
                    problems.add(Problem.of("waiver.expiry-required",
                            "an expiry date is required (waivers without expiry are not allowed)", at));
                }
            } else if (w.expires().isAfter(latest)) {
                problems.add(Problem.of("waiver.too-long", "expires " + ChronoUnit.DAYS.between(today, w.expires())
                        + " days from today; the limit is " + maxDays + " days", at));
            }
        }
        return problems;
    }

    /** Waivers whose expiry date has passed: they no longer apply (hosts show these as warnings). */
    public static List<Problem> expired(List<Waiver> waivers, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        for (Waiver w : waivers) {
            if (w.isExpiredOn(today)) {
                problems.add(Problem.of("waiver.expired", "has expired and no longer applies",
                        w.declaredAt().withPointer(w.declaredAt().pointer() + "/expires")));
            }
        }
        return problems;
    }

    private void readOne(JsonNode node, String pointer, List<Waiver> waivers, List<Problem> errors) {
        if (!node.isObject()) {
            errors.add(problem("waiver.structure", pointer, "a waiver is a mapping with id, reason, owner, expires"));
            return;
        }
        int before = errors.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                errors.add(problem("waiver.unknown-field", pointer,
                        "unknown field; allowed are id, package, reason, owner, expires"));
            }
        }
        String id = requiredText(node, "id", pointer, errors);
        String reason = requiredText(node, "reason", pointer, errors);
        String owner = requiredText(node, "owner", pointer, errors);
        String packagePrefix = optionalText(node, "package", pointer, errors);
        LocalDate expires = null;
        String date = optionalText(node, "expires", pointer, errors);
        if (!date.isEmpty()) {
            try {
                expires = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(problem("waiver.bad-date", pointer + "/expires", "expected a date as YYYY-MM-DD"));
            }
        }
        if (errors.size() == before) {
            waivers.add(new Waiver(Waiver.Kind.ID, id, null, owner, reason, "", expires,
                    Location.ofPointer(source, pointer, 0, 0), packagePrefix));
        }
    }

    private String requiredText(JsonNode node, String field, String pointer, List<Problem> errors) {
        JsonNode raw = node.get(field);
        String value = optionalText(node, field, pointer, errors);
        if (value.isEmpty() && (raw == null || raw.isNull() || raw.isTextual())) {
            errors.add(problem("waiver.missing-field", pointer + "/" + field, "is required"));
        }
        return value;
    }

    private String optionalText(JsonNode node, String field, String pointer, List<Problem> errors) {
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

    private Problem problem(String code, String pointer, String message) {
        return Problem.of(code, message, Location.ofPointer(source, pointer, 0, 0));
    }
}
