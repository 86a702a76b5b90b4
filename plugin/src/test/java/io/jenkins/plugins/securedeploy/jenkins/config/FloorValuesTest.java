package io.jenkins.plugins.securedeploy.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FloorSettings;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FloorValues → the engine's FloorSettings → PolicyFloor (plain unit test, no Jenkins). The engine's
 * FloorSettingsTest proves the mapping itself and that the defaults are the floor docs/configuration.md shows.
 */
class FloorValuesTest {
    @Test
    void shouldMapEveryLimitToTheEngineFloor() {
        FloorValues v = new FloorValues(1, 5, false, true, 7.5, true, true, 30, false, List.of(),
                "- id: CVE-2024-1\n  package: pkg:maven/io.netty/\n  reason: \"vendor \\\"fix\\\" pending\"\n"
                        + "  owner: sec\n  expires: 2030-01-01\n");
        Policy floor = v.toFloorSettings().toFloor().rules();
        assertEquals(1, floor.thresholds().total().limit(Severity.CRITICAL).orElseThrow());
        assertEquals(5, floor.thresholds().total().limit(Severity.HIGH).orElseThrow());
        assertEquals(7.5, floor.thresholds().cvssThreshold().orElseThrow());
        assertEquals(0, floor.categories().get(Category.SECRET).total().anyLimit().orElseThrow());
        assertEquals(Boolean.TRUE, floor.evidence().sbom());
        assertEquals(Boolean.TRUE, floor.evidence().signature());
        assertEquals(30, floor.waiverRules().maxDays());
        assertEquals(1, floor.waivers().size());
        assertEquals("vendor \"fix\" pending", floor.waivers().get(0).reason());
        assertEquals("pkg:maven/io.netty/", floor.waivers().get(0).purlPrefix());
        assertEquals(FloorValues.SOURCE, floor.source());
    }

    @Test
    void shouldHaveTheEngineDefaultsAsTheFreshInstallationFloor() {
        assertEquals(FloorSettings.DEFAULTS.withSource(FloorValues.SOURCE), FloorValues.DEFAULTS.toFloorSettings());
        Policy floor = FloorValues.DEFAULTS.toFloorSettings().toFloor().rules();
        assertTrue(floor.waivers().isEmpty());
        assertTrue(floor.relaxations().isEmpty());
    }
}
