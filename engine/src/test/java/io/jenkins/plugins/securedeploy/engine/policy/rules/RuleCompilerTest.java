package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule that does not compile is a located error in the policy file, never a silently false rule. */
class RuleCompilerTest {

    private static List<Problem> problems(String yaml) {
        try {
            new PolicyReader().read(yaml.getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml");
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the policy to be rejected");
    }

    @Test
    void shouldLocateAnUnknownFieldAtItsLineAndColumn() {
        List<Problem> p = problems("""
                version: 1
                rules:
                  - id: typo
                    scope: finding
                    require: finding.sevrity == "HIGH"
                """);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).code()).isEqualTo("rules.compile-error");
        assertThat(p.get(0).location().file()).isEqualTo(".secure-deploy.yml");
        assertThat(p.get(0).location().line()).isEqualTo(5);
        // `require: ` starts at column 5, the expression at 14, CEL points at the '.' before the field (column 7)
        assertThat(p.get(0).location().column()).isEqualTo(21);
        assertThat(p.get(0).describe()).contains(".secure-deploy.yml:5:21")
                .contains("`finding.sevrity == \"HIGH\"`").contains("undefined field 'sevrity'");
    }

    @Test
    void shouldLocateErrorsInsideBlockScalarsOnTheirOwnLine() {
        List<Problem> p = problems("""
                version: 1
                rules:
                  - id: multi
                    scope: component
                    require: |
                      component.licenses.size() > 0 &&
                      component.licences.all(l, l == "MIT")
                """);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).location().line()).isEqualTo(7);
        assertThat(p.get(0).message()).contains("undefined field 'licences'");
    }

    @Test
    void shouldReportSyntaxErrorsUnknownVariablesAndNonBooleanRulesTogether() {
        List<Problem> p = problems("""
                version: 1
                rules:
                  - id: syntax
                    require: environment.name ==
                  - id: unknown-variable
                    require: deployment.name == "prod"
                  - id: not-boolean
                    require: environment.name
                  - id: bad-scope
                    scope: container
                    require: "true"
                  - id: bad-message
                    require: "true"
                    message: "{{artifact.nme}}"
                """);
        assertThat(p).extracting(Problem::code).containsExactly("rules.compile-error", "rules.compile-error",
                "rules.not-boolean", "rules.unknown-scope", "rules.compile-error");
        assertThat(p.get(0).location().line()).isEqualTo(4);
        assertThat(p.get(1).message()).contains("undeclared reference to 'deployment'");
        assertThat(p.get(2).message()).contains("is of type string");
        assertThat(p.get(3).message()).contains("[deploy, finding, component, verification, provenance]");
        assertThat(p.get(4).message()).contains("message").contains("undefined field 'nme'");
    }

    @Test
    void shouldRejectDuplicateIdsAndUnclosedTemplatesAndTooLongExpressions() {
        RuleSpec a = spec("a", "true", "m");
        List<Problem> p = problemsOf(List.of(a, a, spec("b", "true", "{{artifact.name"),
                spec("c", "true || " + "true || ".repeat(600) + "true", "m")));
        assertThat(p).extracting(Problem::code).containsExactly("rules.duplicate-id", "rules.bad-message",
                "rules.too-long");
    }

    @Test
    void shouldRejectRulesThatTheSchemaDoesNotAllow() {
        List<Problem> p = problems("""
                version: 1
                rules:
                  - id: no-require
                    scope: finding
                    expression: finding.severity == "HIGH"
                """);
        assertThat(p).extracting(Problem::code).contains("schema.required", "schema.additionalProperties");
    }

    private static List<Problem> problemsOf(List<RuleSpec> specs) {
        try {
            new RuleCompiler().compile(specs, PolicyRules.vocabulary());
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected compile problems");
    }

    static RuleSpec spec(String id, String require, String message) {
        return new RuleSpec(id, PolicyRules.DEPLOY, "", require, message, null, null, true, "", "", null, null);
    }

    @Test
    void shouldMemoiseOnlyRulesThatReadSubjectFields() {
        List<CompiledRule> rules = new RuleCompiler().compile(List.of(
                new RuleSpec("fields", "finding", "finding.severity == 'HIGH'", "finding.pkg.fixedVersion == ''",
                        "m {{finding.title}}", null, null, true, "", "", null, null),
                new RuleSpec("whole", "finding", "", "finding in findings", "m", null, null, true, "", "", null,
                        null)), PolicyRules.vocabulary());
        assertThat(rules.get(0).memoizable()).isTrue();
        assertThat(rules.get(0).whenFields()).extracting(c -> c.getName()).containsExactly("severity");
        assertThat(rules.get(0).requireFields()).extracting(c -> c.getName()).containsExactly("pkg");
        assertThat(rules.get(1).memoizable()).isFalse();
        assertThat(rules.get(1).requireFields()).isNull();
    }
}
