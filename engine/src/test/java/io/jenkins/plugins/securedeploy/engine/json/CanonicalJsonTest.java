package io.jenkins.plugins.securedeploy.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 examples and the ECMAScript number vectors of its appendix B. */
class CanonicalJsonTest {
    private static String canon(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8), "t.json"),
                StandardCharsets.UTF_8);
    }

    @Test
    void shouldSortKeysByUtf16CodeUnitsAndDropWhitespace() {
        // RFC 8785 section 3.2.3 sorting example (keys as UTF-16 code units)
        String in = "{\n \"\\u20ac\": \"Euro Sign\",\n \"\\r\": \"Carriage Return\",\n \"\\ufb33\": \"Hebrew Letter Dalet"
                + " With Dagesh\",\n \"1\": \"One\",\n \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n \"\\u0080\": "
                + "\"Control\",\n \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n}";
        assertThat(canon(in)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":"
                + "\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void shouldWriteTheRfcExampleExactly() {
        String in = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
        assertThat(canon(in)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,"
                + "0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "-0.0,0", "1,1", "-1,-1", "100,100", "1e21,1e+21", "1e20,100000000000000000000",
        "0.000001,0.000001", "0.0000001,1e-7", "1.5,1.5", "9007199254740992,9007199254740992",
        "1.7976931348623157e308,1.7976931348623157e+308", "5e-324,5e-324", "123456789012345680000,123456789012345680000",
        "0.1,0.1", "-1.25e-8,-1.25e-8"})
    void shouldFormatNumbersAsEcmaScript(double value, String expected) {
        assertThat(CanonicalJson.number(value, "t", "")).isEqualTo(expected);
    }

    @Test
    void shouldRefuseDuplicateKeysNanAndLoneSurrogates() {
        assertThatThrownBy(() -> canon("{\"a\":1,\"a\":2}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t.json");
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of("n", Double.NaN))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> canon("{\"s\":\"\\ud800\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of(1, "x"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(List.of(new Object()))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldEncodePlainValuesLikeTheParsedTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1, 2.5, "x", true));
        m.put("a", null);
        m.put("m", Map.of("k", 7L));
        assertThat(new String(CanonicalJson.encode(m), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":null,\"m\":{\"k\":7},\"z\":[1,2.5,\"x\",true]}")
                .isEqualTo(canon("{\"z\": [1, 2.5, \"x\", true], \"m\": {\"k\": 7}, \"a\": null}"));
    }
}
