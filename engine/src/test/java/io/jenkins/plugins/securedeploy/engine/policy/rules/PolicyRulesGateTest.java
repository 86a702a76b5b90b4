package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule violations go through the gate like any finding: floor rules survive, waivers apply only where allowed. */
class PolicyRulesGateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static final String FLOOR = """
            version: 1
            rules:
              - id: prod-needs-our-jenkins
                when: environment.name == "prod"
                require: provenance.exists(p, p.verified && p.builder.id == "https://jenkins.example.com/")
                message: "{{artifact.name}} has no verified provenance from our Jenkins"
                waivable: false
            """;

    static NamedBytes policy(String yaml, String name) {
        return new NamedBytes(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    GateDecision gate(NamedBytes project, NamedBytes floor, RuleContext context, List<ScanResult> results) {
        PolicyFloor f = floor == null ? null
                : new PolicyFloor(new PolicyReader().read(floor.content(), floor.name()));
        return new GateService(CLOCK).decide(GateRequest.of(results).withPolicy(project).withFloor(f)
                .withRuleContext(context), new InMemoryEvidenceStore()).decision();
    }

    static RuleContext prod(String builder) {
        return new RuleContext(new EnvironmentView("prod", Map.of()), new ArtifactView("app.jar", "", Map.of(), 0),
                null, builder == null ? List.of() : List.of(new ProvenanceView(true,
                        new ProvenanceView.Builder(builder), "", null, null)), null);
    }

    @Test
    void shouldKeepFloorRulesWhenTheProjectPolicyOmitsThem() {
        NamedBytes project = policy("version: 1\nthresholds: {total: {high: 10}}\n", "Jenkinsfile-policy.yml");
        GateDecision d = gate(project, policy(FLOOR, "floor.yml"), prod("https://ci.attacker.example/"), List.of());
        assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d.findings()).extracting(o -> o.finding().ruleId()).containsExactly("prod-needs-our-jenkins");
        assertThat(d.findings().get(0).finding().title()).isEqualTo("app.jar has no verified provenance from our "
                + "Jenkins");
        assertThat(d.reasons()).extracting(GateReason::rule).containsExactly("thresholds.total.critical");
        assertThat(gate(project, policy(FLOOR, "floor.yml"), prod("https://jenkins.example.com/"), List.of())
                .verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldRejectAProjectRuleThatRedefinesAFloorRule() {
        NamedBytes project = policy("""
                version: 1
                rules:
                  - id: prod-needs-our-jenkins
                    require: "true"
                """, "project.yml");
        assertThatThrownBy(() -> gate(project, policy(FLOOR, "floor.yml"), prod(null), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("project.yml:3")
                .hasMessageContaining("rule 'prod-needs-our-jenkins' is defined by the admin floor (floor.yml:3")
                .hasMessageContaining("policy.weaker-than-floor");
    }

    @Test
    void shouldNotLetAWaiverThroughForAnUnwaivableRule() {
        NamedBytes project = policy("""
                version: 1
                waivers:
                  - rule: prod-needs-our-jenkins
                    owner: mallory
                    reason: trust me
                    expires: 2026-12-20
                """, "project.yml");
        GateDecision d = gate(project, policy(FLOOR, "floor.yml"), prod(null), List.of());
        assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d.findings().get(0).waiver()).isEmpty();
    }

    @Test
    void shouldWaiveAWaivableRuleViolationWithAnExpiringWaiver() {
        NamedBytes project = policy("""
                version: 1
                rules:
                  - id: no-lodash
                    scope: finding
                    require: finding.pkg.name != "lodash"
                    message: "lodash is not allowed ({{finding.ruleId}})"
                waivers:
                  - rule: no-lodash
                    tool: secure-deploy-policy
                    owner: alice
                    reason: migrating in SEC-9
                    expires: 2026-12-20
                """, "project.yml");
        Finding lodash = Finding.builder("trivy", "CVE-2021-23337").severity(Severity.LOW).category(Category.SCA)
                .pkg(new PackageRef("lodash", "4.17.20", "4.17.21", "")).location(Location.of("package-lock.json", 9, 0))
                .build();
        GateDecision d = gate(project, null, RuleContext.NONE, List.of(ScanResult.ok("trivy", "", "t.json",
                List.of(lodash))));
        assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(d.findings()).filteredOn(o -> o.finding().tool().equals(PolicyRules.TOOL)).singleElement()
                .satisfies(o -> {
                    assertThat(o.waiver()).isPresent();
                    assertThat(o.finding().location().line()).isEqualTo(9);
                });
    }

    @Test
    void shouldMakeTheGateErrorWhenARuleCannotBeDecided() {
        NamedBytes project = policy("""
                version: 1
                rules:
                  - id: team-label
                    require: environment.labels["team"] == "payments"
                """, "project.yml");
        GateDecision d = gate(project, null, RuleContext.NONE, List.of());
        assertThat(d.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(d.reasons().get(0).message()).contains("secure-deploy-policy").contains("team-label");
    }
}
