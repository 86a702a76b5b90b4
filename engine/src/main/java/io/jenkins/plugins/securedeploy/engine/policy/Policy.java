package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.rules.CompiledRule;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gate policy as written (null / empty = not set). The secure defaults are applied by the evaluator, not stored
 * here: CRITICAL (and UNKNOWN) findings over 0 fail, any SECRET finding fails, any scanner error is an ERROR. Rules
 * are all checked (per tool and per category rules add to the global ones; they never replace them).
 *
 * <p>{@code sbom} holds the component deny-lists checked against recorded SBOMs ({@link ComponentPolicy}).
 * {@code rules} are the policy rules, compiled and type-checked when the file was read (CEL, see
 * {@code policy.rules.PolicyRules}).
 *
 * <p>{@code locations} maps JSON pointers of the written fields to where they are in {@code source}, so that later
 * checks ({@link PolicyMerger}) can name file and line.
 */
public record Policy(Thresholds thresholds, Boolean fixableOnly, Map<String, Thresholds> tools,
        Map<Category, Thresholds> categories, List<String> requiredReports, EvidenceRequirements evidence,
        WaiverRules waiverRules, OverrideRules overrideRules, List<Waiver> waivers, String source,
        Map<String, Location> locations, ComponentRules sbom, List<CompiledRule> rules) {

    /** No configuration at all: the secure defaults only. */
    public static final Policy DEFAULT = new Policy(null, null, null, null, null, null, null, null, null,
            "<secure defaults>", null, null);

    public Policy {
        thresholds = thresholds == null ? Thresholds.NONE : thresholds;
        tools = tools == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tools));
        EnumMap<Category, Thresholds> cats = new EnumMap<>(Category.class);
        if (categories != null) {
            cats.putAll(categories);
        }
        categories = Collections.unmodifiableMap(cats);
        requiredReports = requiredReports == null ? List.of() : List.copyOf(requiredReports);
        evidence = evidence == null ? EvidenceRequirements.NONE : evidence;
        waiverRules = waiverRules == null ? WaiverRules.NONE : waiverRules;
        overrideRules = overrideRules == null ? OverrideRules.NONE : overrideRules;
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        source = source == null ? "" : source;
        locations = locations == null ? Map.of() : Map.copyOf(locations);
        sbom = sbom == null ? ComponentRules.NONE : sbom;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Without rules (the shape before {@code rules} existed). */
    public Policy(Thresholds thresholds, Boolean fixableOnly, Map<String, Thresholds> tools,
            Map<Category, Thresholds> categories, List<String> requiredReports, EvidenceRequirements evidence,
            WaiverRules waiverRules, OverrideRules overrideRules, List<Waiver> waivers, String source,
            Map<String, Location> locations, ComponentRules sbom) {
        this(thresholds, fixableOnly, tools, categories, requiredReports, evidence, waiverRules, overrideRules,
                waivers, source, locations, sbom, List.of());
    }

    /** Ids of the rules whose violations no waiver may let through. */
    public java.util.Set<String> unwaivableRuleIds() {
        java.util.Set<String> out = new java.util.HashSet<>();
        rules.stream().filter(r -> !r.spec().waivable()).forEach(r -> out.add(r.id()));
        return out;
    }

    public boolean isFixableOnly() {
        return Boolean.TRUE.equals(fixableOnly);
    }

    /** Where {@code pointer} was written, or just the file. */
    public Location locate(String pointer) {
        Location l = locations.get(pointer);
        return l != null ? l : Location.ofPointer(source, pointer, 0, 0);
    }

    /** Global thresholds with the secure default CRITICAL max 0 where no CRITICAL limit is written. */
    public Thresholds effectiveThresholds() {
        return thresholds.total().limit(Severity.CRITICAL).isPresent()
                ? thresholds
                : thresholds.withTotal(thresholds.total().with(Severity.CRITICAL, 0));
    }

    /** Category rules with the secure default SECRET any max 0 where no SECRET "any" limit is written. */
    public Map<Category, Thresholds> effectiveCategories() {
        EnumMap<Category, Thresholds> map = new EnumMap<>(Category.class);
        map.putAll(categories);
        Thresholds secret = map.getOrDefault(Category.SECRET, Thresholds.NONE);
        if (secret.total().anyLimit().isEmpty()) {
            map.put(Category.SECRET, secret.withTotal(secret.total().withAny(0)));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Settings weaker than the secure defaults; the decision and the report list them so nobody misses them. */
    public List<Relaxation> relaxations() {
        List<Relaxation> out = new ArrayList<>();
        thresholds.total().limit(Severity.CRITICAL).filter(v -> v > 0).ifPresent(v -> out.add(new Relaxation(
                "thresholds.total.critical", String.valueOf(v), "0", locate("/thresholds/total/critical"))));
        Thresholds secret = categories.get(Category.SECRET);
        if (secret != null) {
            secret.total().anyLimit().filter(v -> v > 0).ifPresent(v -> out.add(new Relaxation(
                    "categories.SECRET.total.any", String.valueOf(v), "0",
                    locate("/categories/SECRET/total/any"))));
        }
        if (isFixableOnly()) {
            out.add(new Relaxation("fixableOnly", "true", "false", locate("/fixableOnly")));
        }
        if (waiverRules.withoutExpiryAllowed()) {
            out.add(new Relaxation("waiverRules.allowWithoutExpiry", "true", "false",
                    locate("/waiverRules/allowWithoutExpiry")));
        }
        return List.copyOf(out);
    }
}
