package io.jenkins.plugins.securedeploy.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaiverRulesParserTest {
    @Test
    void shouldReadYamlWaivers() {
        WaiverRulesParser.Result result = WaiverRulesParser.parse("waivers:\n"
                + "  - id: CVE-2023-44487\n"
                + "    package: pkg:maven/io.netty/\n"
                + "    reason: HTTP/2 disabled\n"
                + "    owner: platform-security\n"
                + "    expires: 2025-06-30\n");
        assertTrue(result.errors().isEmpty(), result.errors().toString());
        assertEquals(1, result.rules().size());
        WaiverRulesParser.WaiverRule rule = result.rules().get(0);
        assertEquals("CVE-2023-44487", rule.id());
        assertEquals("pkg:maven/io.netty/", rule.packagePrefix());
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), rule.expires());
    }

    @Test
    void shouldTreatBlankTextAsNoWaivers() {
        assertTrue(WaiverRulesParser.parse("  \n").rules().isEmpty());
        assertTrue(WaiverRulesParser.parse(null).errors().isEmpty());
    }

    @Test
    void shouldLocateEveryProblemWithoutEchoingValues() {
        String secretLike = "AKIAIOSFODNN7EXAMPLE";
        WaiverRulesParser.Result result = WaiverRulesParser.parse("- id: CVE-1\n  owner: o\n  expires: not-a-date\n"
                + "  note: " + secretLike + "\n- 42\n");
        assertTrue(result.rules().isEmpty());
        assertEquals(4, result.errors().size(), result.errors().toString());
        for (Problem p : result.errors()) {
            assertFalse(p.describe().contains(secretLike), p.describe());
            assertFalse(p.describe().contains("not-a-date"), p.describe());
        }
        assertTrue(result.errors().stream().anyMatch(p -> p.location().pointer().equals("/0/reason")));
        assertTrue(result.errors().stream().anyMatch(p -> p.location().pointer().equals("/0/expires")));
        assertTrue(result.errors().stream().anyMatch(p -> p.location().pointer().equals("/1")));
    }

    @Test
    void shouldReportSyntaxErrorsWithALine() {
        WaiverRulesParser.Result result = WaiverRulesParser.parse("waivers: [\n  {id: x\n");
        assertFalse(result.errors().isEmpty());
        assertEquals(WaiverRulesParser.SOURCE, result.errors().get(0).location().file());
    }

    @Test
    void shouldRejectAMappingWithOtherKeys() {
        assertFalse(WaiverRulesParser.parse("waivers: []\nextra: 1\n").errors().isEmpty());
        assertTrue(WaiverRulesParser.parse("waivers: []\n").errors().isEmpty());
    }
}
