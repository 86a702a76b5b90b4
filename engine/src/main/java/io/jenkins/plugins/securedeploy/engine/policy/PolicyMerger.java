package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.rules.CompiledRule;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines an admin {@link PolicyFloor} with a project {@link Policy}: the project may be stricter, never weaker.
 * Every weaker setting is a {@link Problem} naming the floor rule (with its location) and the project field; all are
 * reported at once. The effective policy takes the stricter of the two per rule. Waivers are checked against the
 * effective {@link WaiverRules} (no expiry only where the floor allows it; not longer than {@code maxDays}).
 * Policy rules add up: the floor's rules always apply (a project that omits them still gets them), and a project
 * rule with a floor rule's id is an error (it could otherwise weaken it).
 */
public final class PolicyMerger {

    public Policy merge(PolicyFloor floor, Policy project, LocalDate today) {
        Policy f = floor.rules();
        List<Problem> problems = new ArrayList<>();
        FloorCheck check = new FloorCheck(f, project, problems);
        check.thresholds("/thresholds", f.thresholds(), project.thresholds());
        f.tools().forEach((tool, t) -> check.thresholds("/tools/" + tool, t,
                project.tools().getOrDefault(tool, Thresholds.NONE)));
        f.categories().forEach((cat, t) -> check.thresholds("/categories/" + cat, t,
                project.categories().getOrDefault(cat, Thresholds.NONE)));
        if (Boolean.FALSE.equals(f.fixableOnly()) && project.isFixableOnly()) {
            check.weaker("/fixableOnly", "false", "true");
        }
        EvidenceRequirements fe = f.evidence();
        EvidenceRequirements pe = project.evidence();
        check.required("/evidence/sbom", fe.sbom(), pe.sbom());
        check.required("/evidence/signature", fe.signature(), pe.signature());
        check.required("/evidence/provenance", fe.provenance(), pe.provenance());
        check.required("/evidence/approvals", fe.approvals(), pe.approvals());
        check.ceiling("/waiverRules/maxDays", f.waiverRules().maxDays(), project.waiverRules().maxDays());
        if (project.waiverRules().withoutExpiryAllowed() && !f.waiverRules().withoutExpiryAllowed()) {
            problems.add(Problem.of("policy.weaker-than-floor", "field /waiverRules/allowWithoutExpiry is true, but "
                    + "only the admin floor can allow waivers without expiry (floor "
                    + f.locate("/waiverRules/allowWithoutExpiry").describe() + " does not)",
                    project.locate("/waiverRules/allowWithoutExpiry")));
        }
        if (Boolean.FALSE.equals(f.overrideRules().allowed()) && Boolean.TRUE.equals(project.overrideRules().allowed())) {
            check.weaker("/overrideRules/allowed", "false", "true");
        }
        check.ceiling("/overrideRules/maxDays", f.overrideRules().maxDays(), project.overrideRules().maxDays());

        Set<String> floorRules = new HashSet<>();
        f.rules().forEach(r -> floorRules.add(r.id()));
        for (CompiledRule r : project.rules()) {
            if (floorRules.contains(r.id())) {
                problems.add(Problem.of("policy.weaker-than-floor", "rule '" + r.id() + "' is defined by the admin "
                        + "floor (" + f.rules().stream().filter(x -> x.id().equals(r.id())).findFirst()
                        .map(x -> x.spec().locate("rule").describe()).orElse("") + "); a project policy cannot "
                        + "redefine, weaken or remove a floor rule, only add rules with other ids",
                        r.spec().locate("rule")));
            }
        }
        List<CompiledRule> rules = new ArrayList<>(f.rules());
        project.rules().stream().filter(r -> !floorRules.contains(r.id())).forEach(rules::add);
        Policy effective = new Policy(
                f.thresholds().stricter(project.thresholds()),
                Boolean.FALSE.equals(f.fixableOnly()) ? Boolean.FALSE : project.fixableOnly(),
                mergeTools(f.tools(), project.tools()),
                mergeCategories(f.categories(), project.categories()),
                List.copyOf(new LinkedHashSet<>(concat(f.requiredReports(), project.requiredReports()))),
                fe.stricter(pe),
                new WaiverRules(Limits.min(f.waiverRules().maxDays(), project.waiverRules().maxDays()),
                        Boolean.FALSE.equals(project.waiverRules().allowWithoutExpiry()) ? Boolean.FALSE
                                : f.waiverRules().allowWithoutExpiry()),
                f.overrideRules().stricter(project.overrideRules()),
                concat(f.waivers(), project.waivers()),
                project.source(),
                project.locations(),
                f.sbom().union(project.sbom()),
                rules);
        checkWaivers(effective, today, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return effective;
    }

    private static void checkWaivers(Policy effective, LocalDate today, List<Problem> problems) {
        WaiverRules rules = effective.waiverRules();
        for (Waiver w : effective.waivers()) {
            if (w.expires() == null && !rules.withoutExpiryAllowed()) {
                problems.add(Problem.of("waiver.no-expiry", "waiver " + w.kind().key() + " " + w.value()
                        + " has no 'expires' date; waivers must expire unless the admin floor sets "
                        + "waiverRules.allowWithoutExpiry", w.declaredAt()));
            }
            if (w.expires() != null && rules.maxDays() != null
                    && ChronoUnit.DAYS.between(today, w.expires()) > rules.maxDays()) {
                problems.add(Problem.of("waiver.too-long", "waiver " + w.kind().key() + " " + w.value()
                        + " expires " + w.expires() + ", more than waiverRules.maxDays=" + rules.maxDays()
                        + " days from " + today, w.declaredAt()));
            }
        }
    }

    private static Map<String, Thresholds> mergeTools(Map<String, Thresholds> a, Map<String, Thresholds> b) {
        Map<String, Thresholds> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Thresholds::stricter));
        return out;
    }

    private static Map<Category, Thresholds> mergeCategories(Map<Category, Thresholds> a, Map<Category, Thresholds> b) {
        Map<Category, Thresholds> out = new EnumMap<>(Category.class);
        out.putAll(a);
        b.forEach((k, v) -> out.merge(k, v, Thresholds::stricter));
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Compares one project setting with the floor's and records a problem when the project's is weaker. */
    static final class FloorCheck {
        private final Policy floor;
        private final Policy project;
        private final List<Problem> problems;

        FloorCheck(Policy floor, Policy project, List<Problem> problems) {
            this.floor = floor;
            this.project = project;
            this.problems = problems;
        }

        void thresholds(String base, Thresholds f, Thresholds p) {
            limits(base + "/total", f.total(), p.total());
            limits(base + "/new", f.fresh(), p.fresh());
            ceiling(base + "/cvss", f.cvss(), p.cvss());
        }

        private void limits(String base, SeverityLimits f, SeverityLimits p) {
            for (Severity s : Severity.values()) {
                if (s != Severity.UNKNOWN) {
                    ceiling(base + "/" + s.name().toLowerCase(Locale.ROOT), f.bySeverity().get(s),
                            p.bySeverity().get(s));
                }
            }
            ceiling(base + "/any", f.any(), p.any());
        }

        <N extends Number & Comparable<N>> void ceiling(String pointer, N floorValue, N projectValue) {
            if (floorValue != null && projectValue != null && projectValue.compareTo(floorValue) > 0) {
                weaker(pointer, String.valueOf(floorValue), String.valueOf(projectValue));
            }
        }

        void required(String pointer, Boolean floorValue, Boolean projectValue) {
            if (Boolean.TRUE.equals(floorValue) && Boolean.FALSE.equals(projectValue)) {
                weaker(pointer, "true", "false");
            }
        }

        void weaker(String pointer, String floorValue, String projectValue) {
            String rule = pointer.substring(1).replace('/', '.');
            problems.add(Problem.of("policy.weaker-than-floor", "field " + pointer + " is " + projectValue
                    + ", weaker than the admin floor rule " + rule + " = " + floorValue + " ("
                    + floor.locate(pointer).describe() + "); a project policy may only be stricter",
                    project.locate(pointer)));
        }
    }
}
