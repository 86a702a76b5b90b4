package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class GatePropertiesTest {
    private static final GateEvaluator GATE = GateEvaluatorTest.GATE;

    @Provide
    Arbitrary<Finding> findings() {
        return Combinators.combine(Arbitraries.of("trivy", "grype", "gitleaks"), Arbitraries.of(Severity.values()),
                        Arbitraries.of(Category.values()), Arbitraries.integers().between(0, 40),
                        Arbitraries.doubles().between(0, 10).injectNull(0.3), Arbitraries.of(true, false))
                .as((tool, sev, cat, n, score, fixable) -> Finding.builder(tool, "rule-" + n % 7).severity(sev)
                        .category(cat).id("CVE-" + n).score(score == null ? Double.NaN : score)
                        .pkg(new PackageRef("lib" + n % 5, "1." + n, fixable ? "2.0" : "", ""))
                        .location(Location.ofFile("src/m" + n % 3 + "/f.txt")).build());
    }

    @Provide
    Arbitrary<Policy> policies() {
        Arbitrary<Integer> limit = Arbitraries.integers().between(0, 5).injectNull(0.5);
        Arbitrary<SeverityLimits> limits = Combinators.combine(limit, limit, limit, limit)
                .as((c, h, m, any) -> {
                    SeverityLimits l = new SeverityLimits(Map.of(), any);
                    l = h == null ? l : l.with(Severity.HIGH, h);
                    l = m == null ? l : l.with(Severity.MEDIUM, m);
                    return c == null ? l : l.with(Severity.CRITICAL, c);
                });
        Arbitrary<Thresholds> thresholds = Combinators.combine(limits, limits,
                Arbitraries.doubles().between(0, 10).injectNull(0.6)).as(Thresholds::new);
        return Combinators.combine(thresholds, Arbitraries.of(true, false).injectNull(0.5), thresholds)
                .as((t, fixable, gitleaks) -> new Policy(t, fixable, Map.of("gitleaks", gitleaks), null, null, null,
                        null, null, null, "p.yml", null, null));
    }

    @Property(tries = 300)
    void shouldNeverTurnFailedIntoPassedByAddingAFinding(@ForAll("policies") Policy policy,
            @ForAll @Size(max = 15) List<@From("findings") Finding> findings,
            @ForAll("findings") Finding extra) {
        GateDecision before = GATE.evaluate(GateInput.of(policy, List.of(ScanResult.ok("scan", "", "", findings))));
        List<Finding> more = new ArrayList<>(findings);
        more.add(extra);
        GateDecision after = GATE.evaluate(GateInput.of(policy, List.of(ScanResult.ok("scan", "", "", more))));
        if (before.verdict() != Verdict.PASSED) {
            assertThat(after.verdict()).isNotEqualTo(Verdict.PASSED);
        }
    }

    @Property(tries = 300)
    void shouldNeverSuppressWithAWaiverPastItsExpiry(@ForAll("findings") Finding f,
            @ForAll Waiver.Kind kind, @ForAll @IntRange(min = 1, max = 2000) int daysAgo) {
        String value = switch (kind) {
            case ID -> f.ids().get(0);
            case FINGERPRINT -> f.fingerprint();
            case PACKAGE -> f.pkg().name();
            case PATH -> "**";
            case RULE -> f.ruleId();
        };
        Waiver expired = Fixtures.waiver(kind, value, TODAY.minusDays(daysAgo));
        Finding crit = Finding.builder(f.tool(), f.ruleId()).severity(Severity.CRITICAL).category(f.category())
                .id(f.ids().get(0)).pkg(f.pkg()).location(f.location()).toolFingerprint(f.fingerprint()).build();
        Waiver forCrit = kind == Waiver.Kind.FINGERPRINT ? Fixtures.waiver(kind, crit.fingerprint(),
                TODAY.minusDays(daysAgo)) : expired;
        GateDecision d = GATE.evaluate(GateInput.of(Fixtures.withWaivers(Policy.DEFAULT, List.of(forCrit)),
                List.of(ScanResult.ok(f.tool(), "", "", List.of(crit)))));
        assertThat(d.findings()).allSatisfy(o -> assertThat(o.waiver()).isEmpty());
        assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d.expiredWaivers()).containsExactly(forCrit);
    }

    @Property(tries = 300)
    void shouldNeverLetAProjectLowerTheFloor(@ForAll("policies") Policy floorRules,
            @ForAll("policies") Policy project) {
        Policy effective;
        try {
            effective = new PolicyMerger().merge(new PolicyFloor(floorRules), project, TODAY);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo("policy.weaker-than-floor"));
            return;
        }
        assertNotWeaker(effective.thresholds(), floorRules.thresholds());
        floorRules.tools().forEach((tool, t) -> assertNotWeaker(effective.tools().get(tool), t));
        if (Boolean.FALSE.equals(floorRules.fixableOnly())) {
            assertThat(effective.isFixableOnly()).isFalse();
        }
    }

    private static void assertNotWeaker(Thresholds effective, Thresholds floor) {
        floor.total().bySeverity().forEach((s, max) ->
                assertThat(effective.total().limit(s)).hasValueSatisfying(v -> assertThat(v).isLessThanOrEqualTo(max)));
        floor.fresh().bySeverity().forEach((s, max) ->
                assertThat(effective.fresh().limit(s)).hasValueSatisfying(v -> assertThat(v).isLessThanOrEqualTo(max)));
        if (floor.total().any() != null) {
            assertThat(effective.total().any()).isLessThanOrEqualTo(floor.total().any());
        }
        if (floor.cvss() != null) {
            assertThat(effective.cvss()).isLessThanOrEqualTo(floor.cvss());
        }
    }

    @Property(tries = 200)
    void shouldFailWithAReasonNamingAnyScannerThatErred(@ForAll("policies") Policy policy,
            @ForAll @Size(max = 10) List<@From("findings") Finding> findings,
            @ForAll("tools") String broken) {
        ScanResult error = ScanResult.error(broken, broken + ".json",
                List.of(Problem.of("tool.crash", "exit 2", Location.ofFile(broken + ".json"))));
        GateDecision d = GATE.evaluate(GateInput.of(policy, List.of(ScanResult.ok("scan", "", "", findings), error))
                .withOverride(new GateOverride("x", "y", "", TODAY)));
        assertThat(d.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(d.allowsDeployment()).isFalse();
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Verdict.ERROR);
            assertThat(r.tool()).isEqualTo(broken);
            assertThat(r.message()).contains(broken);
        });
    }

    @Provide
    Arbitrary<String> tools() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 50)
    void shouldRejectAnyProjectLimitAboveTheFloor(@ForAll @IntRange(min = 0, max = 50) int floorMax,
            @ForAll @IntRange(min = 1, max = 50) int above) {
        Policy floor = new Policy(Thresholds.NONE.withTotal(SeverityLimits.NONE.with(Severity.HIGH, floorMax)),
                null, null, null, null, null, null, null, null, "floor.yml", null, null);
        Policy project = new Policy(Thresholds.NONE.withTotal(SeverityLimits.NONE.with(Severity.HIGH,
                floorMax + above)), null, null, null, null, null, null, null, null, "p.yml", null, null);
        assertThatThrownBy(() -> new PolicyMerger().merge(new PolicyFloor(floor), project, TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/thresholds/total/high")
                .hasMessageContaining("thresholds.total.high = " + floorMax);
    }
}
