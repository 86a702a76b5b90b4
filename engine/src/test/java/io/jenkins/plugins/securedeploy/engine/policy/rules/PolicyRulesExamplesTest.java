package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three example rules shipped in samples/policy-rules, each on violating and clean inputs. */
class PolicyRulesExamplesTest {
    static final Path DIR = Samples.dir("policy-rules");
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static final Policy POLICY = new PolicyReader().read(DIR.resolve(".secure-deploy.yml"),
            ".secure-deploy.yml");

    private static List<Violation> run(RuleInput input) {
        RuleOutcome outcome = new PolicyRules().run(POLICY.rules(), input);
        assertThat(outcome.problems()).isEmpty();
        return outcome.violations();
    }

    private static RuleInput sample(String name) {
        return new RuleInputReader().read(DIR.resolve(name), name);
    }

    @Test
    void shouldViolateEachShippedRuleOnceOnTheViolatingSample() {
        List<Violation> v = run(sample("violating.json"));
        assertThat(v).extracting(Violation::ruleId)
                .containsExactly("prod-needs-our-jenkins", "licence-allow-list", "no-old-fixable-high");
        assertThat(v.get(0).message()).isEqualTo("no verified provenance from https://jenkins.example.com/ for "
                + "app.jar (builders: [https://github.com/actions/runner])");
        assertThat(v.get(0).waivable()).isFalse();
        assertThat(v.get(1).message()).isEqualTo("left-pad@1.3.0 has licence [WTFPL], not on the allow-list");
        assertThat(v.get(1).pkg().name()).isEqualTo("left-pad");
        assertThat(v.get(2).message()).isEqualTo("body-parser 1.20.2 has a fixable HIGH ([CVE-2024-45590]) open for "
                + "61 days; fixed in 1.20.3");
        assertThat(v.get(2).location().file()).isEqualTo("package-lock.json");
    }

    @Test
    void shouldPassTheCleanSample() {
        assertThat(run(sample("clean.json"))).isEmpty();
    }

    @Test
    void shouldRequireOurBuilderOnlyForProd() {
        RuleInput violating = sample("violating.json");
        RuleInput staging = new RuleInput(new EnvironmentView("staging", Map.of()), violating.artifact(),
                List.of(), List.of(), List.of(), violating.provenance(), NOW);
        assertThat(run(staging)).isEmpty();
        RuleInput prodUnverified = new RuleInput(new EnvironmentView("prod", Map.of()), violating.artifact(),
                List.of(), List.of(), List.of(), List.of(new ProvenanceView(false,
                        new ProvenanceView.Builder("https://jenkins.example.com/"), "", null, null)), NOW);
        assertThat(run(prodUnverified)).extracting(Violation::ruleId).containsExactly("prod-needs-our-jenkins");
        RuleInput prodNoProvenance = new RuleInput(new EnvironmentView("prod", Map.of()), violating.artifact(),
                List.of(), List.of(), List.of(), List.of(), NOW);
        assertThat(run(prodNoProvenance)).extracting(Violation::ruleId).containsExactly("prod-needs-our-jenkins");
    }

    @Test
    void shouldRejectComponentsWithoutLicenceOrWithOneOffTheList() {
        List<ComponentView> components = List.of(
                new ComponentView("a", "", "1", "pkg:npm/a@1", "npm", List.of(), Map.of(), "", false, "bom.json"),
                new ComponentView("b", "", "1", "pkg:npm/b@1", "npm", List.of("MIT", "GPL-3.0-only"), Map.of(), "",
                        false, "bom.json"),
                new ComponentView("c", "", "1", "pkg:npm/c@1", "npm", List.of("Apache-2.0", "MIT"), Map.of(), "",
                        false, "bom.json"));
        List<Violation> v = run(new RuleInput(null, null, null, components, null, null, NOW));
        assertThat(v).extracting(Violation::message).containsExactly(
                "a@1 has licence [], not on the allow-list", "b@1 has licence [MIT, GPL-3.0-only], not on the "
                        + "allow-list");
        assertThat(v.get(0).location().file()).isEqualTo("bom.json");
    }

    @Test
    void shouldFlagOnlyFixableHighFindingsOlderThanThirtyDays() {
        List<FindingView> findings = new ArrayList<>();
        findings.add(finding("HIGH", "1.2", 31));
        findings.add(finding("HIGH", "1.2", 30));
        findings.add(finding("HIGH", "", 400));
        findings.add(finding("CRITICAL", "1.2", 400));
        findings.add(finding("MEDIUM", "1.2", 400));
        List<Violation> v = run(new RuleInput(null, null, findings, null, null, null, NOW));
        assertThat(v).hasSize(1);
        assertThat(v.get(0).message()).contains("open for 31 days");
    }

    static FindingView finding(String severity, String fixedVersion, long ageDays) {
        Instant seen = NOW.minus(java.time.Duration.ofDays(ageDays));
        PackageView pkg = new PackageView("lib", "1.0", fixedVersion, "pkg:npm/lib@1.0");
        return new FindingView("trivy", "CVE-1", "t", severity, 0, false, "SCA", List.of("CVE-1"), pkg, "f", 1,
                "fp-" + severity + fixedVersion + ageDays, !fixedVersion.isEmpty(), true, seen, ageDays);
    }
}
