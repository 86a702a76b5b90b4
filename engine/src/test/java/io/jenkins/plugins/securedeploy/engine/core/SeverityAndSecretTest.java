package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityAndSecretTest {
    @ParameterizedTest
    @CsvSource({"CRITICAL,CRITICAL", "critical,CRITICAL", "High,HIGH", "moderate,MEDIUM", "note,INFO",
        "negligible,INFO", "unknown,UNKNOWN", "bogus,UNKNOWN", "'',UNKNOWN"})
    void shouldParseToolSpellingsKeepingCriticalDistinct(String text, Severity expected) {
        assertThat(Severity.parseOrUnknown(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"9.8,CRITICAL", "9.0,CRITICAL", "8.9,HIGH", "7.0,HIGH", "6.9,MEDIUM", "4.0,MEDIUM", "3.9,LOW",
        "0.1,LOW", "0.0,INFO", "10.1,UNKNOWN", "-1,UNKNOWN", "NaN,UNKNOWN"})
    void shouldMapCvssToFirstRatings(double score, Severity expected) {
        assertThat(Severity.fromCvss(score)).isEqualTo(expected);
    }

    @Test
    void shouldRankUnknownAboveCriticalForGating() {
        assertThat(Severity.UNKNOWN.isAtLeast(Severity.CRITICAL)).isTrue();
        assertThat(Severity.CRITICAL.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.CRITICAL)).isFalse();
        assertThat(Severity.INFO.isAtLeast(Severity.LOW)).isFalse();
    }

    @Test
    void shouldNeverPrintASecret() {
        SecretValue s = SecretValue.of("hunter2-canary");
        assertThat(s.toString()).isEqualTo("****");
        assertThat(String.valueOf(s)).doesNotContain("hunter2");
        assertThat("" + s).doesNotContain("hunter2");
        assertThat(s.reveal()).isEqualTo("hunter2-canary");
        assertThat(s).isEqualTo(SecretValue.of("hunter2-canary")).isNotEqualTo(SecretValue.of("other"));
        assertThatThrownBy(() -> SecretValue.of("")).hasMessage("a secret must not be empty");
    }

    @Test
    void shouldRequireContextInExceptions() {
        assertThatThrownBy(() -> new SecureDeployException(" ")).isInstanceOf(IllegalArgumentException.class);
        InvalidInputException e = new InvalidInputException(java.util.List.of(
                Problem.of("a", "first", Location.of("f.json", 3, 4)),
                Problem.of("b", "second", Location.ofPointer("f.json", "/x/0", 0, 0))));
        assertThat(e.getMessage()).isEqualTo(
                "2 problems:\n  - f.json:3:4: first [a]\n  - f.json at /x/0: second [b]");
    }
}
