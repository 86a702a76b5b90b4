package io.jenkins.plugins.securedeploy.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securedeploy.jenkins.config.ConfigChecks.Kind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin form's rules as pure functions: no Jenkins needed. */
class ConfigChecksTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

    @Test
    void shouldAcceptCountsInRangeAndRejectTheRest() {
        assertEquals(Kind.OK, ConfigChecks.count("0").kind());
        assertEquals(Kind.OK, ConfigChecks.count(" 12 ").kind());
        for (String bad : new String[] {"-1", "100001", "1.5", "", " ", "ten", null}) {
            assertEquals(Kind.ERROR, ConfigChecks.count(bad).kind(), "count " + bad);
        }
    }

    @Test
    void shouldCheckCvssRange() {
        assertEquals(Kind.OK, ConfigChecks.cvss("7.0").kind());
        assertEquals(Kind.OK, ConfigChecks.cvss("10").kind());
        assertEquals(Kind.WARNING, ConfigChecks.cvss("0").kind());
        for (String bad : new String[] {"-0.1", "10.1", "NaN", "high", ""}) {
            assertEquals(Kind.ERROR, ConfigChecks.cvss(bad).kind(), "cvss " + bad);
        }
    }

    @Test
    void shouldRejectShellMetacharactersInExecutables() {
        assertEquals(Kind.OK, ConfigChecks.executable("").kind());
        assertEquals(Kind.OK, ConfigChecks.executable("/opt/trivy/bin/trivy").kind());
        for (String bad : new String[] {"trivy; rm -rf /", "$(evil)", "a|b", "a\nb", "'x'"}) {
            assertEquals(Kind.ERROR, ConfigChecks.executable(bad).kind(), "executable " + bad);
        }
    }

    @Test
    void shouldCheckToolIdsAndTimeouts() {
        assertEquals(Kind.OK, ConfigChecks.toolId("trivy").kind());
        assertEquals(Kind.OK, ConfigChecks.toolId("dependency-check").kind());
        assertEquals(Kind.ERROR, ConfigChecks.toolId("Trivy").kind());
        assertEquals(Kind.ERROR, ConfigChecks.toolId("../x").kind());
        assertEquals(Kind.OK, ConfigChecks.timeout("600").kind());
        assertEquals(Kind.ERROR, ConfigChecks.timeout("0").kind());
        assertEquals(Kind.ERROR, ConfigChecks.timeout("86401").kind());
    }

    @Test
    void shouldRefuseWaiversBeyondTheFloor() {
        String tooLong = "waivers:\n  - id: CVE-1\n    reason: r\n    owner: o\n    expires: 2025-12-31\n";
        ConfigChecks.Check check = ConfigChecks.waiverRules(tooLong, "90", false, TODAY);
        assertEquals(Kind.ERROR, check.kind());
        assertTrue(check.message().contains("/waivers/0/expires"), check.message());
        assertEquals(Kind.OK, ConfigChecks.waiverRules(tooLong, "365", false, TODAY).kind());
    }

    @Test
    void shouldRequireExpiryUnlessAllowed() {
        String noExpiry = "- id: CVE-1\n  reason: r\n  owner: o\n";
        assertEquals(Kind.ERROR, ConfigChecks.waiverRules(noExpiry, "90", false, TODAY).kind());
        assertEquals(Kind.OK, ConfigChecks.waiverRules(noExpiry, "90", true, TODAY).kind());
    }

    @Test
    void shouldWarnAboutExpiredWaivers() {
        String expired = "[{\"id\": \"CVE-1\", \"reason\": \"r\", \"owner\": \"o\", \"expires\": \"2024-12-31\"}]";
        assertEquals(Kind.WARNING, ConfigChecks.waiverRules(expired, "90", false, TODAY).kind());
    }

    @Test
    void shouldBuildStrictDefaultsAndRefuseInvalidFloors() {
        FloorValues d = FloorValues.DEFAULTS;
        assertEquals(0, d.maxCritical());
        assertFalse(d.secretsAllowed());
        assertTrue(d.failOnScannerError());
        assertFalse(d.allowWaiversWithoutExpiry());
        assertThrows(IllegalArgumentException.class,
                () -> new FloorValues(-1, 0, false, true, 9.0, false, false, 90, false, List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new FloorValues.ScannerDefault("trivy", "x;y", List.of(), 60));
    }
}
