package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {
    @Test
    void shouldSayAPolicyPathIsADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> new PolicyReader().read(dir, "conf/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("conf/: is a directory, not a policy file (give the file, e.g. "
                        + "conf/.secure-deploy.yml)");
    }

    static Policy yaml(String text) {
        return new PolicyReader().read(text.getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml");
    }

    static List<Problem> problems(String text) {
        try {
            yaml(text);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void shouldReadAFullPolicy() {
        Policy p = yaml("""
                version: 1
                thresholds:
                  total: {critical: 0, high: 5, any: 100}
                  new: {high: 0}
                  cvss: 9.0
                fixableOnly: true
                tools:
                  trivy: {total: {medium: 10}}
                categories:
                  LICENSE: {total: {any: 0}}
                requiredReports: [trivy, gitleaks]
                evidence: {sbom: true, signature: true}
                waiverRules: {maxDays: 90}
                overrideRules: {maxDays: 2}
                waivers:
                  - id: CVE-2024-1234
                    owner: alice
                    reason: not reachable
                    ticket: SEC-1
                    expires: 2026-12-31
                  - package: lodash@4.17.20
                    tool: trivy
                    owner: bob
                    reason: dev only
                    expires: 2026-12-01
                """);
        assertThat(p.thresholds().total().limit(Severity.HIGH)).contains(5);
        assertThat(p.thresholds().total().any()).isEqualTo(100);
        assertThat(p.thresholds().fresh().limit(Severity.HIGH)).contains(0);
        assertThat(p.thresholds().cvss()).isEqualTo(9.0);
        assertThat(p.isFixableOnly()).isTrue();
        assertThat(p.tools().get("trivy").total().limit(Severity.MEDIUM)).contains(10);
        assertThat(p.categories().get(Category.LICENSE).total().any()).isZero();
        assertThat(p.requiredReports()).containsExactly("trivy", "gitleaks");
        assertThat(p.evidence().signature()).isTrue();
        assertThat(p.evidence().provenance()).isNull();
        assertThat(p.waiverRules().maxDays()).isEqualTo(90);
        assertThat(p.overrideRules().effectiveMaxDays()).isEqualTo(2);
        assertThat(p.waivers()).hasSize(2);
        Waiver w = p.waivers().get(0);
        assertThat(w.kind()).isEqualTo(Waiver.Kind.ID);
        assertThat(w.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(w.declaredAt().line()).isEqualTo(16);
        assertThat(p.waivers().get(1).packageName()).isEqualTo("lodash");
        assertThat(p.waivers().get(1).tool()).isEqualTo("trivy");
    }

    @Test
    void shouldReadJsonToo() {
        Policy p = new PolicyReader().read("{\"version\": 1, \"thresholds\": {\"total\": {\"high\": 2}}}"
                .getBytes(StandardCharsets.UTF_8), "policy.json");
        assertThat(p.thresholds().total().limit(Severity.HIGH)).contains(2);
    }

    @Test
    void shouldReportEveryProblemWithFileLineAndField() {
        List<Problem> problems = problems("""
                version: 1
                thresholds:
                  total: {critical: -1}
                colour: blue
                waivers:
                  - id: CVE-1
                    reason: x
                """);
        assertThat(problems).extracting(Problem::describe).anySatisfy(d -> assertThat(d)
                        .startsWith(".secure-deploy.yml:3").contains("/thresholds/total/critical"))
                .anySatisfy(d -> assertThat(d).startsWith(".secure-deploy.yml:4").contains("unknown key 'colour'")
                        .contains("/colour"))
                .anySatisfy(d -> assertThat(d).startsWith(".secure-deploy.yml:6").contains("owner"));
        assertThat(problems.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRejectUnknownKeysNestedDeep() {
        assertThat(problems("""
                version: 1
                tools:
                  trivy:
                    total: {hihg: 3}
                """)).singleElement().satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(4);
                    assertThat(p.location().pointer()).isEqualTo("/tools/trivy/total/hihg");
                });
    }

    @Test
    void shouldRejectAWaiverMatchingOnTwoThingsOrNothing() {
        assertThat(problems("""
                version: 1
                waivers:
                  - {id: CVE-1, rule: r, owner: a, reason: b, expires: 2026-01-01}
                  - {owner: a, reason: b, expires: 2026-01-01}
                """)).extracting(p -> p.location().pointer()).contains("/waivers/0", "/waivers/1");
    }

    @Test
    void shouldRejectImpossibleDates() {
        assertThat(problems("""
                version: 1
                waivers:
                  - {id: CVE-1, owner: a, reason: b, expires: 2026-02-30}
                """)).singleElement().satisfies(p -> assertThat(p.describe()).contains(":3").contains("ISO date"));
    }

    @Test
    void shouldRequireAVersionAndRejectGarbage() {
        assertThat(problems("thresholds: {}\n")).extracting(Problem::message).anyMatch(m -> m.contains("version"));
        assertThatThrownBy(() -> yaml("version: [1\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".secure-deploy.yml");
    }
}
