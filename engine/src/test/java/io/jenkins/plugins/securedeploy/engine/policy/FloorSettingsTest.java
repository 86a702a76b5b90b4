package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The admin floor as values (formerly hand-built JSON in the plugin's FloorPolicy). */
class FloorSettingsTest {
    @Test
    void shouldMapEveryLimitToTheFloor() {
        Policy floor = new FloorSettings(1, 5, false, 7.5, true, true, 30, false,
                "- id: CVE-2024-1\n  reason: \"vendor \\\"fix\\\" pending\"\n  owner: sec\n  expires: 2030-01-01\n",
                "Jenkins security settings").toFloor().rules();
        assertThat(floor.thresholds().total().limit(Severity.CRITICAL)).contains(1);
        assertThat(floor.thresholds().total().limit(Severity.HIGH)).contains(5);
        assertThat(floor.thresholds().cvssThreshold()).contains(7.5);
        assertThat(floor.categories().get(Category.SECRET).total().anyLimit()).contains(0);
        assertThat(floor.evidence().sbom()).isTrue();
        assertThat(floor.evidence().signature()).isTrue();
        assertThat(floor.waiverRules().maxDays()).isEqualTo(30);
        assertThat(floor.waivers()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("vendor \"fix\" pending");
            assertThat(w.declaredAt().describe()).isEqualTo("waiverRules at /0");
        });
        assertThat(floor.source()).isEqualTo("Jenkins security settings");
        assertThat(floor.locate("/thresholds/total/high").describe()).isEqualTo("Jenkins security settings at maxHigh");
    }

    @Test
    void shouldLetSecretsPassOnlyWhenAllowed() {
        Policy floor = new FloorSettings(0, 0, true, 9.0, false, false, 90, false, "", "f").toFloor().rules();
        assertThat(floor.categories()).doesNotContainKey(Category.SECRET);
        assertThat(floor.evidence()).isEqualTo(EvidenceRequirements.NONE);
    }

    @Test
    void shouldRefuseInvalidWaiverTextAndOutOfRangeSettings() {
        assertThatThrownBy(() -> new FloorSettings(0, 0, false, 9.0, false, false, 90, false, "- id: x\n", "f")
                .toFloor()).isInstanceOf(InvalidInputException.class).hasMessageContaining("waiverRules at /0/reason");
        assertThatThrownBy(() -> new FloorSettings(-1, 0, false, 9.0, false, false, 90, false, "", "f"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FloorSettings(0, 0, false, Double.NaN, false, false, 90, false, "", "f"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** issue 11 F: the defaults are the floor docs/configuration.md shows, and the sample policy lives within it. */
    @Test
    void shouldMatchTheDocumentedDefaultFloorAndAcceptTheSamplePolicy() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(repo.resolve("docs/configuration.md"))) {
            repo = repo.getParent();
        }
        String doc = Files.readString(repo.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        String block = doc.substring(doc.indexOf("<!-- default-floor:begin -->"),
                doc.indexOf("<!-- default-floor:end -->"));
        String yaml = block.substring(block.indexOf("```yaml") + 7, block.lastIndexOf("```"));
        Policy documented = new PolicyReader().read(yaml.getBytes(StandardCharsets.UTF_8), "configuration.md");
        PolicyFloor floor = FloorSettings.DEFAULTS.toFloor();
        Policy actual = floor.rules();
        assertThat(actual.thresholds()).isEqualTo(documented.thresholds());
        assertThat(actual.categories()).isEqualTo(documented.categories());
        assertThat(actual.evidence()).isEqualTo(documented.evidence());
        assertThat(actual.waiverRules()).isEqualTo(documented.waiverRules());
        assertThat(actual.waivers()).isEqualTo(documented.waivers());
        assertThat(actual.relaxations()).isEmpty();
        Policy sample = new PolicyReader().read(repo.resolve("samples/app/.secure-deploy.yml"), ".secure-deploy.yml");
        assertThat(new PolicyMerger().merge(floor, sample, LocalDate.of(2026, 12, 1)).thresholds().total()
                .limit(Severity.HIGH)).contains(0);
    }
}
