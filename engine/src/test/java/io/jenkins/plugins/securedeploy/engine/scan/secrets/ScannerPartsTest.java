package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerPartsTest {
    @Test
    void shouldFindOverlappingKeywordsCaseInsensitively() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("he", "she", "hers", "his"));
        List<String> hits = new ArrayList<>();

        automaton.scan("uSHErs ähis", (k, start) -> hits.add(k + "@" + start));

        assertThat(hits).containsExactlyInAnyOrder("1@1", "0@2", "2@2", "3@8");
    }

    @Test
    void shouldSplitLinesAndWindowLongOnesWithOverlap() throws IOException {
        List<String> segments = new ArrayList<>();

        LineWindows.read(new StringReader("ab\r\n\n" + "x".repeat(25) + "\nlast"), 10, 3,
                (text, line, col, seen) -> segments.add(line + ":" + col + ":" + seen + ":" + text.length()));

        assertThat(segments).containsExactly("1:0:0:2", "2:0:0:0", "3:0:0:10", "3:7:3:10", "3:14:3:10",
                "3:21:3:4", "4:0:0:4");
    }

    @Test
    void shouldComputeShannonEntropy() {
        assertThat(ValueFilters.shannonEntropy("aaaa")).isZero();
        assertThat(ValueFilters.shannonEntropy("abcd")).isCloseTo(2.0, within(1e-9));
        assertThat(ValueFilters.shannonEntropy("0123456789abcdef")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void shouldTreatPlaceholdersAndReferencesAsNotSecrets() {
        assertThat(List.of("${DB_PASSWORD_FROM_VAULT}", "$DATABASE_PASSWORD_1", "{{ vault_db_password }}",
                "<your-password-here1>", "xxxxxxxxxxxxxxxxxxxx", "changeme-changeme-1", "example-token-123456",
                "process.env.DB_PASSWORD", "AccessTokenResponse", "X-Auth-Token-Header-Name",
                "https://oauth2.googleapis.com/token", "/run/secrets/db_password", "settings.SECRET_KEY"))
                .allSatisfy(v -> assertThat(ValueFilters.isPlaceholder(v)).as(v).isTrue());
        assertThat(List.of("Zq8#rT2!mK9$vL4@pX7w", "5f4dcc3b5aa765d61d8327deb882cf99", "hunter2hunter2hunter2-9"))
                .allSatisfy(v -> assertThat(ValueFilters.isPlaceholder(v)).as(v).isFalse());
    }

    @Test
    void shouldPreviewWithoutRevealingShortSecrets() {
        assertThat(Redaction.preview("AKIA" + "IOSFODNN7EXAMPLE")).isEqualTo("AKIA…(20 chars)");
        assertThat(Redaction.preview("short-secret")).isEqualTo("shor…(12 chars)");
        assertThat(Redaction.preview("tiny")).isEqualTo("…(4 chars)");
        assertThat(Redaction.preview("\u001b[3mabcdefghijkl")).startsWith("?[3m");
    }
}
