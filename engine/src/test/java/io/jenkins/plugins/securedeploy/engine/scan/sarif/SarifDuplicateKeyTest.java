package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.CollectingSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A duplicate key anywhere in a SARIF log fails the log, with the error (file, pointer, line, column) the strict
 * tokeniser gives for the same bytes: in every object the parser reads (the log, a run, its tool and rules, a result
 * and each object in it) and in those it skips (unknown members, nested property bags, snippets, code flows), the
 * duplicate a known member or an unknown one, where the member-name reader ({@code FieldNameReader}) expects it and
 * where it does not, with the rules before the results and after them (deferred results).
 */
class SarifDuplicateKeyTest {
    private static final String RESULT = "{<result>\"ruleId\":\"r1\",\"message\":{<message>\"text\":\"m\"},"
            + "\"locations\":[{<location>\"physicalLocation\":{<physical>\"artifactLocation\":{<artifact>\"uri\":"
            + "\"a.js\",\"uriBaseId\":\"%SRCROOT%\"},\"region\":{<region>\"startLine\":3,\"startColumn\":4,"
            + "\"snippet\":{<snippet>\"text\":\"s\"}}}}],\"partialFingerprints\":{<pfp>\"primaryLocationLineHash\":"
            + "\"h\"},\"fingerprints\":{<fp>\"a\":\"1\"},\"rule\":{<rule>\"id\":\"r1\"},\"properties\":{<props>"
            + "\"tags\":[\"t\"],\"bag\":{<bag>\"k\":1}},\"codeFlows\":[{<flow>\"message\":\"c\"}]}";
    private static final String TOOL = "\"tool\":{<tool>\"driver\":{<driver>\"name\":\"CodeQL\",\"rules\":[{<r>\"id\":"
            + "\"r1\",\"shortDescription\":{<short>\"text\":\"x\"},\"defaultConfiguration\":{<config>\"level\":"
            + "\"error\"},\"properties\":{<ruleprops>\"security-severity\":\"7.5\",\"tags\":[\"a\"]}}]}}";
    private static final String INVOCATIONS = "\"invocations\":[{<invocation>\"executionSuccessful\":true}]";
    private static final Pattern MARK = Pattern.compile("<(\\w+)>");

    /** The log with {@code results} results, the tool first or last; {@code level} marks get what follows. */
    private static String log(boolean rulesFirst, int results, String level, String before, String target) {
        StringBuilder rs = new StringBuilder();
        for (int i = 0; i < results; i++) {
            rs.append(i == 0 ? "" : ",\n").append(mark(RESULT, level, i == results - 1 ? target : before));
        }
        String run = rulesFirst ? "{<run>" + TOOL + "," + INVOCATIONS + ",\"results\":[" + rs + "]}"
                : "{<run>\"results\":[" + rs + "]," + INVOCATIONS + "," + TOOL + "}";
        String doc = "{<log>\"version\":\"2.1.0\",\"runs\":[" + run + "]}";
        return mark(doc, level, target);
    }

    private static String mark(String text, String level, String insert) {
        Matcher m = MARK.matcher(text);
        StringBuilder sb = new StringBuilder();
        String plain = MARK.matcher(insert).replaceAll("");
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).equals(level) ? plain : ""));
        }
        return m.appendTail(sb).toString();
    }

    /** The member right after {@code <level>} in the templates, copied (a duplicate of a known member). */
    private static String firstMember(String level) {
        String all = RESULT + TOOL + INVOCATIONS + "{<log>\"version\":\"2.1.0\",}{<run>\"results\":[],}";
        int at = all.indexOf("<" + level + ">") + level.length() + 2;
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < all.length(); i++) {
            char c = all.charAt(i);
            if (inString) {
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth < 0) {
                return all.substring(at, i) + ","; // the object's only member
            } else if (c == ',' && depth == 0) {
                return all.substring(at, i + 1);
            }
        }
        throw new IllegalArgumentException(level);
    }

    /** What the strict tokeniser says of the bytes (as every engine parser reported a duplicate before). */
    private static Problem tokeniserError(byte[] doc) throws IOException {
        try (JsonParser p = Json.strict().parser(new ByteArrayInputStream(doc))) {
            while (p.nextToken() != null) {
                // every token
            }
        } catch (JsonProcessingException e) {
            return Json.parseError("dup.sarif", e).problems().get(0);
        }
        throw new AssertionError("the tokeniser read the document to its end");
    }

    private static void assertRejected(String doc) throws IOException {
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        Problem expected = tokeniserError(bytes);
        assertThat(expected.code()).as(doc).isEqualTo("json.duplicate-key");
        assertThat(expected.location().line()).isPositive();
        assertThatThrownBy(() -> new SarifParser().parse(new ByteArrayInputStream(bytes), "dup.sarif",
                new CollectingSink())).as(doc).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).isEqualTo(List.of(expected)));
    }

    @Test
    void shouldRejectADuplicateKeyInEveryObjectWithTheTokenisersError() throws IOException {
        List<String> levels = MARK.matcher(RESULT + TOOL + INVOCATIONS + "<log><run>").results()
                .map(m -> m.group(1)).toList();
        assertThat(levels).hasSize(22);
        for (boolean rulesFirst : new boolean[] {true, false}) {
            for (String level : levels) {
                String known = firstMember(level);
                // a known member twice; where the order expects it (the one before began with "zz")
                assertRejected(log(rulesFirst, 3, level, "", known));
                assertRejected(log(rulesFirst, 3, level, "\"zz\":0,", known));
                // an unknown member twice, expected there and not
                assertRejected(log(rulesFirst, 3, level, "", "\"zz\":0,\"zz\":1,"));
                assertRejected(log(rulesFirst, 3, level, "\"yy\":0,\"zz\":0,", "\"zz\":0,\"zz\":1,"));
                // in a subtree nobody reads
                assertRejected(log(rulesFirst, 3, level, "", "\"zz\":{\"a\":[{\"b\":1,\"c\":2,\"b\":3}]},"));
            }
        }
    }

    @Test
    void shouldReadTheSameLogWithoutDuplicates() {
        for (boolean rulesFirst : new boolean[] {true, false}) {
            byte[] doc = log(rulesFirst, 3, "result", "\"zz\":0,", "").getBytes(StandardCharsets.UTF_8);
            CollectingSink sink = new CollectingSink();
            new SarifParser().parse(new ByteArrayInputStream(doc), "dup.sarif", sink);
            assertThat(sink.result("dup.sarif").findings()).hasSize(3)
                    .allSatisfy(f -> assertThat(f.location().file()).isEqualTo("a.js"));
        }
    }
}
