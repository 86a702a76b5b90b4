package io.jenkins.plugins.securedeploy.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem problemOf(String json, Json parser) {
        try {
            parser.readTree(in(json), "report.json");
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("expected a parse error");
    }

    @Test
    void shouldRejectDuplicateKeysWithLocation() {
        Problem p = problemOf("{\n \"a\": 1,\n \"a\": 2\n}", Json.strict());
        assertThat(p.code()).isEqualTo("json.duplicate-key");
        assertThat(p.location().file()).isEqualTo("report.json");
        assertThat(p.location().line()).isEqualTo(3);
    }

    @Test
    void shouldRejectTrailingTokens() {
        assertThat(problemOf("{} {}", Json.strict()).code()).isEqualTo("json.trailing-tokens");
    }

    @Test
    void shouldRejectTruncatedAndEmptyDocuments() {
        assertThat(problemOf("{\"a\": [1, 2", Json.strict()).code()).isEqualTo("json.truncated");
        assertThat(problemOf("", Json.strict()).code()).isEqualTo("json.empty");
    }

    @Test
    void shouldRejectDeepNestingAndHugeStringsAndDocuments() {
        Json small = Json.withLimits(new JsonLimits(100, 20, 50, 1000));
        assertThat(problemOf("[".repeat(30) + "]".repeat(30), small).code()).isEqualTo("json.limit");
        assertThat(problemOf("{\"a\":\"" + "x".repeat(200) + "\"}", small).code()).isEqualTo("json.limit");
        assertThat(problemOf("[" + "1,".repeat(600) + "1]", small).code()).isEqualTo("json.too-large");
    }

    @Test
    void shouldNotEchoInputContentInMessages() {
        Problem p = problemOf("{\"token\": s3cr3t-value-here}", Json.strict());
        assertThat(p.message()).doesNotContain("s3cr3t");
        assertThatThrownBy(() -> Json.strict().readTree(in("[s3cr3t-value-here]"), "x.json"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cr3t"));
    }

    @Test
    void shouldReadStrictYamlToo() {
        assertThat(Json.strict().readYamlTree(in("a: 1\nb: [x, y]\n"), "p.yml").get("b").size()).isEqualTo(2);
        assertThatThrownBy(() -> Json.strict().readYamlTree(in("a: 1\na: 2\n"), "p.yml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("p.yml:2");
    }
}
