package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyMergerTest {
    static final PolicyFloor FLOOR = new PolicyFloor(new PolicyReader().read("""
            version: 1
            thresholds: {total: {critical: 0, high: 10}, cvss: 9.0}
            evidence: {signature: true}
            fixableOnly: false
            waiverRules: {maxDays: 90}
            overrideRules: {maxDays: 2}
            requiredReports: [gitleaks]
            """.getBytes(StandardCharsets.UTF_8), "floor.yml"));

    static List<Problem> problems(String project) {
        try {
            new PolicyMerger().merge(FLOOR, PolicyReaderTest.yaml(project), TODAY);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void shouldTakeTheStricterOfFloorAndProject() {
        Policy p = new PolicyMerger().merge(FLOOR, PolicyReaderTest.yaml("""
                version: 1
                thresholds: {total: {high: 3, medium: 7}}
                requiredReports: [trivy]
                """), TODAY);
        assertThat(p.thresholds().total().limit(Severity.HIGH)).contains(3);
        assertThat(p.thresholds().total().limit(Severity.MEDIUM)).contains(7);
        assertThat(p.thresholds().total().limit(Severity.CRITICAL)).contains(0);
        assertThat(p.thresholds().cvss()).isEqualTo(9.0);
        assertThat(p.evidence().signature()).isTrue();
        assertThat(p.requiredReports()).containsExactly("gitleaks", "trivy");
        assertThat(p.overrideRules().effectiveMaxDays()).isEqualTo(2);
    }

    @Test
    void shouldNameFloorRuleAndProjectFieldForEveryWeakerSetting() {
        List<Problem> problems = problems("""
                version: 1
                thresholds: {total: {critical: 1, high: 11}, cvss: 9.8}
                evidence: {signature: false}
                fixableOnly: true
                waiverRules: {maxDays: 365, allowWithoutExpiry: true}
                overrideRules: {maxDays: 30}
                """);
        assertThat(problems).allSatisfy(p -> assertThat(p.code()).isEqualTo("policy.weaker-than-floor"));
        assertThat(problems).extracting(p -> p.location().pointer()).containsExactlyInAnyOrder(
                "/thresholds/total/critical", "/thresholds/total/high", "/thresholds/cvss", "/evidence/signature",
                "/fixableOnly", "/waiverRules/maxDays", "/waiverRules/allowWithoutExpiry", "/overrideRules/maxDays");
        assertThat(problems.get(0).describe()).startsWith(".secure-deploy.yml:2")
                .contains("thresholds.total.critical = 0").contains("floor.yml:2");
    }

    @Test
    void shouldRejectWaiversWithoutExpiryOrTooLong() {
        List<Problem> problems = problems("""
                version: 1
                waivers:
                  - {id: CVE-1, owner: a, reason: b}
                  - {id: CVE-2, owner: a, reason: b, expires: 2028-01-01}
                  - {id: CVE-3, owner: a, reason: b, expires: 2026-12-01}
                """);
        assertThat(problems).extracting(Problem::code).containsExactly("waiver.no-expiry", "waiver.too-long");
        assertThat(problems).extracting(p -> p.location().line()).containsExactly(3, 4);
    }

    @Test
    void shouldAllowWaiversWithoutExpiryOnlyWhenTheFloorDoes() {
        Policy project = PolicyReaderTest.yaml("version: 1\nwaivers: [{id: CVE-1, owner: a, reason: b}]\n");
        assertThatThrownBy(() -> new PolicyMerger().merge(PolicyFloor.NONE, project, TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("waiver.no-expiry");
        PolicyFloor lenient = new PolicyFloor(PolicyReaderTest.yaml("version: 1\nwaiverRules: {allowWithoutExpiry: true}\n"));
        Policy merged = new PolicyMerger().merge(lenient, project, TODAY);
        assertThat(merged.waivers()).hasSize(1);
        assertThat(merged.relaxations()).extracting(Relaxation::setting).contains("waiverRules.allowWithoutExpiry");
    }

    @Test
    void shouldAcceptAProjectEqualToTheFloorAndInheritWhatItLeavesOut() {
        Policy p = new PolicyMerger().merge(FLOOR, PolicyReaderTest.yaml("""
                version: 1
                thresholds: {total: {critical: 0, high: 10}, cvss: 9.0}
                evidence: {signature: true}
                waiverRules: {maxDays: 90}
                overrideRules: {maxDays: 2}
                """), TODAY);
        assertThat(p.thresholds().total().limit(Severity.HIGH)).contains(10);
        assertThat(p.waiverRules().maxDays()).isEqualTo(90);

        Policy empty = new PolicyMerger().merge(FLOOR, Policy.DEFAULT, TODAY);
        assertThat(empty.thresholds().total().limit(Severity.HIGH)).contains(10);
        assertThat(empty.thresholds().cvss()).isEqualTo(9.0);
        assertThat(empty.evidence().signature()).isTrue();
        assertThat(empty.requiredReports()).containsExactly("gitleaks");
    }

    @Test
    void shouldHoldToolCategoryAndNewFloorsToo() {
        PolicyFloor floor = new PolicyFloor(new PolicyReader().read("""
                version: 1
                thresholds: {new: {high: 0}}
                tools: {trivy: {total: {medium: 5}}}
                categories: {IAC: {new: {any: 0}}}
                overrideRules: {allowed: false}
                """.getBytes(StandardCharsets.UTF_8), "floor.yml"));
        List<Problem> found;
        try {
            new PolicyMerger().merge(floor, PolicyReaderTest.yaml("""
                    version: 1
                    thresholds: {new: {high: 1}}
                    tools: {trivy: {total: {medium: 6}}}
                    categories: {IAC: {new: {any: 1}}}
                    overrideRules: {allowed: true}
                    """), TODAY);
            throw new AssertionError("expected the weaker project policy to be refused");
        } catch (InvalidInputException e) {
            found = e.problems();
        }
        assertThat(found).extracting(p -> p.location().pointer()).containsExactlyInAnyOrder(
                "/thresholds/new/high", "/tools/trivy/total/medium", "/categories/IAC/new/any",
                "/overrideRules/allowed");

        Policy stricter = new PolicyMerger().merge(floor, PolicyReaderTest.yaml("""
                version: 1
                tools: {trivy: {total: {medium: 4}}}
                """), TODAY);
        assertThat(stricter.tools().get("trivy").total().limit(Severity.MEDIUM)).contains(4);
        assertThat(stricter.thresholds().fresh().limit(Severity.HIGH)).contains(0);
    }
}
