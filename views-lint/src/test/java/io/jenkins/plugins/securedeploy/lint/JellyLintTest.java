package io.jenkins.plugins.securedeploy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lint on one broken snippet per rule (fixtures in broken/, see its README) and on a view that is fine. */
class JellyLintTest {
    private static List<JellyLint.Problem> lint(String fixture) throws IOException {
        try (InputStream in = JellyLintTest.class.getResourceAsStream(fixture)) {
            assertThat(in).as(fixture).isNotNull();
            return new JellyLint().lint(fixture, in);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "message-arguments.jelly, jelly.message-arguments, 3",
        "reserved-word-property.jelly, jelly.jexl-reserved, 4",
        "missing-escape-by-default.jelly, jelly.escape-by-default, 1",
        "inline-script.jelly, html.inline-script, 3",
        "event-handler.jelly, html.event-handler, 3",
        "quote-in-key.jelly, jelly.message-arguments, 3",
        "reserved-var.jelly, jelly.reserved-var, 3",
        "doctype.jelly, xml.malformed, 2"
    })
    void shouldRejectEachBrokenSnippetWithItsRuleAndLine(String file, String rule, int line) throws IOException {
        List<JellyLint.Problem> problems = lint("broken/" + file);
        assertThat(problems).extracting(JellyLint.Problem::rule).contains(rule);
        assertThat(problems).filteredOn(p -> p.rule().equals(rule)).extracting(JellyLint.Problem::line)
                .contains(line);
    }

    @Test
    void shouldNameTheExpressionAndTheFixForTheIssue11Views() throws IOException {
        assertThat(lint("broken/message-arguments.jelly")).singleElement().extracting(JellyLint.Problem::describe)
                .asString().contains("${%Arguments (one per line)}").contains("message arguments");
        assertThat(lint("broken/reserved-word-property.jelly")).singleElement().extracting(JellyLint.Problem::describe)
                .asString().contains("${!trend.empty}").contains("'empty' is a JEXL reserved word")
                .contains("isEmpty()");
        assertThat(lint("broken/event-handler.jelly")).extracting(JellyLint.Problem::rule)
                .containsExactly("html.event-handler", "html.javascript-url");
    }

    @Test
    void shouldAcceptTheFixedForms() throws IOException {
        assertThat(lint("good/good-view.jelly")).isEmpty();
    }

    @Test
    void shouldFindExpressionsWithNestedBracesAndQuotes() {
        assertThat(JellyLint.expressions("a ${x.y} b ${%K} c ${m['}']} d ${open"))
                .containsExactly("x.y", "%K", "m['}']", "open");
        assertThat(JellyLint.check("a.size")).hasSize(1);
        assertThat(JellyLint.check("a.size()")).isEmpty();
        assertThat(JellyLint.check("a . not")).hasSize(1);
        assertThat(JellyLint.check("'x.empty'")).isEmpty();
        assertThat(JellyLint.check("empty(a.rows)")).as("the empty operator itself is fine").isEmpty();
    }
}
