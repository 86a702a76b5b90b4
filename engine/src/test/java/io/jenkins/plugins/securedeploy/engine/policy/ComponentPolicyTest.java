package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomComponent;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomFormat;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SBOM components feed the gate: denied licences and packages become findings like any scanner's. */
class ComponentPolicyTest {
    static SbomComponent npm(String group, String name, String version, String... licenses) {
        String qualified = group.isEmpty() ? name : group + "/" + name;
        return new SbomComponent("npm", group, name, version,
                "pkg:npm/" + qualified.replace("@", "%40") + "@" + version, List.of(licenses), null, "required", null);
    }

    static SbomSummary sbom(SbomComponent... components) {
        return new SbomSummary("bom.json", SbomFormat.CYCLONEDX_JSON, "1.6", "urn:uuid:1",
                Hashing.sha256("bom".getBytes(StandardCharsets.UTF_8)), List.of(), List.of(components));
    }

    @Test
    void shouldDenyLicencesCaseInsensitivelyAsCriticalLicenceFindings() {
        ComponentRules rules = new ComponentRules(List.of("AGPL-3.0-only"), List.of());
        ScanResult r = new ComponentPolicy().check(List.of(sbom(npm("", "left", "1.0.0", "MIT"),
                npm("", "copyleft", "2.1.0", "agpl-3.0-only"))), rules);

        assertThat(r.isError()).isFalse();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("license-denied");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.category()).isEqualTo(Category.LICENSE);
            assertThat(f.pkg().name()).isEqualTo("copyleft");
            assertThat(f.title()).isEqualTo("licence AGPL-3.0-only of copyleft@2.1.0 is denied by policy");
            assertThat(f.location().file()).isEqualTo("bom.json");
        });
    }

    @Test
    void shouldDenyPackagesByNameVersionOrPurlPrefixOnly() {
        ComponentRules rules = new ComponentRules(List.of(),
                List.of("event-stream", "lodash@4.17.4", "pkg:npm/%40evil/pkg"));
        ScanResult r = new ComponentPolicy().check(List.of(sbom(
                npm("", "event-stream", "3.3.6"),
                npm("", "lodash", "4.17.4"),
                npm("", "lodash", "4.17.21"),
                npm("@evil", "pkg", "1.0.0"),
                npm("@evil", "pkg-other", "1.0.0"),
                npm("", "event-stream-extra", "1.0.0"))), rules);

        assertThat(r.findings()).extracting(f -> f.pkg().name() + "@" + f.pkg().version())
                .containsExactly("event-stream@3.3.6", "lodash@4.17.4", "@evil/pkg@1.0.0");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("package-denied"));
    }

    @Test
    void shouldFailClosedWhenDenyListsExistButNoSbomWasRecorded() {
        ScanResult r = new ComponentPolicy().check(List.of(), new ComponentRules(List.of("GPL-3.0-only"), null));
        assertThat(r.isError()).isTrue();
        assertThat(r.problems().get(0).message()).contains("no SBOM was recorded");
    }

    @Test
    void shouldJoinFloorAndProjectDenyListsSoAProjectCannotDropOne() {
        Policy floor = new PolicyReader().read("version: 1\nsbom: {denyLicenses: [AGPL-3.0-only]}\n"
                .getBytes(StandardCharsets.UTF_8), "floor.yml");
        Policy project = new PolicyReader().read("version: 1\nsbom: {denyLicenses: [GPL-3.0-only], denyPackages: [left-pad]}\n"
                .getBytes(StandardCharsets.UTF_8), "p.yml");

        Policy effective = new PolicyMerger().merge(new PolicyFloor(floor), project, TestClocks.NOW.atZone(
                java.time.ZoneOffset.UTC).toLocalDate());

        assertThat(effective.sbom().denyLicenses()).containsExactly("AGPL-3.0-only", "GPL-3.0-only");
        assertThat(effective.sbom().denyPackages()).containsExactly("left-pad");
    }

    @Test
    void shouldRejectUnknownKeysUnderSbomWithTheirLine() {
        assertThatThrownBy(() -> new PolicyReader().read("version: 1\nsbom:\n  denyLicences: [GPL-3.0-only]\n"
                .getBytes(StandardCharsets.UTF_8), "p.yml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("p.yml:3")
                .hasMessageContaining("denyLicences");
    }

    @Test
    void shouldFailTheGateOnADeniedComponentUnlessWaived(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yml"), "version: 1\nsbom: {denyLicenses: [AGPL-3.0-only]}\n",
                StandardCharsets.UTF_8);
        SbomSummary bom = sbom(npm("", "copyleft", "2.1.0", "AGPL-3.0-only"));

        GateOutcome failed = new GateService(TestClocks.fixed()).decide(GateRequest.of(List.of())
                .withPolicy(new NamedBytes("p.yml", Files.readAllBytes(policy))).withSboms(List.of(bom)),
                new InMemoryEvidenceStore());
        assertThat(failed.decision().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.report().findings()).isNotEmpty();

        Files.writeString(policy, "version: 1\nsbom: {denyLicenses: [AGPL-3.0-only]}\nwaivers:\n  - package: copyleft\n"
                + "    owner: legal\n    reason: dual-licensed, commercial licence bought\n    ticket: LEGAL-7\n"
                + "    expires: 2026-06-30\n", StandardCharsets.UTF_8);
        GateOutcome waived = new GateService(TestClocks.fixed()).decide(GateRequest.of(List.of())
                .withPolicy(new NamedBytes("p.yml", Files.readAllBytes(policy))).withSboms(List.of(bom)),
                new InMemoryEvidenceStore());
        assertThat(waived.decision().verdict()).isEqualTo(Verdict.PASSED);
        List<Finding> all = waived.decision().findings().stream().map(FindingOutcome::finding).toList();
        assertThat(all).extracting(Finding::tool).containsOnly(ComponentPolicy.TOOL);
    }
}
