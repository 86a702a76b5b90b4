package io.jenkins.plugins.securedeploy.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FloorValues → engine PolicyFloor, through the engine's own policy reader (plain unit test, no Jenkins). */
class FloorPolicyTest {
    @Test
    void shouldMapEveryLimitToTheEngineFloor() {
        FloorValues v = new FloorValues(1, 5, false, true, 7.5, true, true, 30, false, List.of(),
                "- id: CVE-2024-1\n  reason: \"vendor \\\"fix\\\" pending\"\n  owner: sec\n  expires: 2030-01-01\n");
        Policy floor = FloorPolicy.toPolicyFloor(v).rules();
        assertEquals(1, floor.thresholds().total().limit(Severity.CRITICAL).orElseThrow());
        assertEquals(5, floor.thresholds().total().limit(Severity.HIGH).orElseThrow());
        assertEquals(7.5, floor.thresholds().cvssThreshold().orElseThrow());
        assertEquals(0, floor.categories().get(Category.SECRET).total().anyLimit().orElseThrow());
        assertEquals(Boolean.TRUE, floor.evidence().sbom());
        assertEquals(Boolean.TRUE, floor.evidence().signature());
        assertEquals(30, floor.waiverRules().maxDays());
        assertEquals(1, floor.waivers().size());
        assertEquals("vendor \"fix\" pending", floor.waivers().get(0).reason());
        assertEquals(FloorPolicy.SOURCE, floor.source());
    }

    /** issue 11 F: the defaults are the floor docs/configuration.md shows, and the sample policy lives within it. */
    @Test
    void shouldMatchTheDocumentedDefaultFloorAndAcceptTheSamplePolicy() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(repo.resolve("docs/configuration.md"))) {
            repo = repo.getParent();
        }
        String doc = Files.readString(repo.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        String block = doc.substring(doc.indexOf("<!-- default-floor:begin -->"), doc.indexOf("<!-- default-floor:end -->"));
        String yaml = block.substring(block.indexOf("```yaml") + 7, block.lastIndexOf("```"));
        Policy documented = new PolicyReader().read(yaml.getBytes(StandardCharsets.UTF_8), FloorPolicy.SOURCE);
        PolicyFloor floor = FloorPolicy.toPolicyFloor(FloorValues.DEFAULTS);
        Policy actual = floor.rules();
        assertEquals(documented.thresholds(), actual.thresholds());
        assertEquals(documented.categories(), actual.categories());
        assertEquals(documented.evidence(), actual.evidence());
        assertEquals(documented.waiverRules(), actual.waiverRules());
        assertEquals(documented.waivers(), actual.waivers());
        Policy sample = new PolicyReader().read(repo.resolve("samples/app/.secure-deploy.yml"), ".secure-deploy.yml");
        assertEquals(0, new PolicyMerger().merge(floor, sample, LocalDate.now(ZoneOffset.UTC)).thresholds().total()
                .limit(Severity.HIGH).orElseThrow());
    }

    @Test
    void shouldMapTheStrictDefaults() {
        Policy floor = FloorPolicy.toPolicyFloor(FloorValues.DEFAULTS).rules();
        assertEquals(0, floor.thresholds().total().limit(Severity.CRITICAL).orElseThrow());
        assertTrue(floor.waivers().isEmpty());
        assertTrue(floor.relaxations().isEmpty());
    }
}
