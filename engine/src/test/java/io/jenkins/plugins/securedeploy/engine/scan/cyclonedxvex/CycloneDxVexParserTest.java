package io.jenkins.plugins.securedeploy.engine.scan.cyclonedxvex;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycloneDxVexParserTest extends AbstractReportParserTest {
    private static final String VEX = "valid-vex-1.6.json";
    private static final String SPEC = "valid-spec-example-1.5.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new CycloneDxVexDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(VEX, 4).with(Severity.CRITICAL, 2).with(Severity.UNKNOWN, 2), Fixture.of(SPEC, 0));
    }

    @Override
    protected String reportTemplate() {
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":[{\"bom-ref\":\"c\","
                + "\"type\":\"library\",\"name\":\"c\",\"version\":\"1\"}],\"vulnerabilities\":[{\"id\":\"CVE-2024-1\","
                + "\"ratings\":[{\"severity\":\"high\"}],\"description\":" + VALUE_PLACEHOLDER + ",\"affects\":"
                + "[{\"ref\":\"c\"}]}]}";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(6000);
        return new LargeReport("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"vulnerabilities\":[",
                i -> "{\"id\":\"CVE-2024-" + i + "\",\"ratings\":[{\"severity\":\"medium\",\"score\":5.0}],"
                        + "\"description\":\"short\",\"detail\":\"" + pad + "\",\"affects\":[{\"ref\":\"pkg:npm/p" + i
                        + "@1.0.0\"}]}", ",", "]}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"vulnerabilities\":[]}");
    }

    @Test
    void shouldResolveAffectedComponentsAndTakeTheMostSevereRating() {
        ScanResult r = parseFixture(VEX);

        assertThat(r.tool()).isEqualTo("cyclonedx-vex");
        assertThat(r.toolVersion()).isEqualTo("0.79.0");
        Finding log4shell = r.findings().get(0);
        assertThat(log4shell.ruleId()).isEqualTo("CVE-2021-44228");
        assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(log4shell.score()).isEqualTo(10.0);
        assertThat(log4shell.ids()).containsExactly("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q", "CWE-502", "CWE-917");
        assertThat(log4shell.packageRef()).contains(new PackageRef("org.apache.logging.log4j:log4j-core", "2.14.1", "",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        Finding text = r.findings().get(1);
        assertThat(text.severity()).as("score only: its CVSS rating").isEqualTo(Severity.CRITICAL);
        assertThat(text.packageRef().orElseThrow().purl()).as("BOM-Link into a nested component")
                .isEqualTo("pkg:maven/org.apache.commons/commons-text@1.9");
        assertThat(r.findings().subList(2, 4)).extracting(f -> f.packageRef().orElseThrow().name())
                .containsExactly("pkg:npm/left-pad@1.3.0", "org.apache.logging.log4j:log4j-core");
        assertThat(r.findings().get(2).severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void shouldExcludeNotAffectedAndFalsePositiveButRecordThem() {
        ScanResult r = parseFixture(VEX);

        assertThat(r.isError()).isFalse();
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("CVE-2021-45046", "CVE-2020-9488");
        assertThat(r.problems()).extracting(Problem::code).containsOnly("cyclonedx.excluded").hasSize(2);
        assertThat(r.problems().get(0).message()).contains("CVE-2021-45046").contains("not_affected")
                .contains("requires_configuration");
        assertThat(r.problems().get(1).message()).contains("CVE-2020-9488").contains("false_positive");
        assertThat(parseFixture(SPEC).problems()).extracting(Problem::code).containsExactly("cyclonedx.excluded");
    }

    @Test
    void shouldRejectAnSbomWithoutVulnerabilityData() {
        assertThat(parseError("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[]}").get(0).code())
                .isEqualTo("cyclonedx.no-vulnerabilities");
    }

    @Test
    void shouldRejectAVulnerabilityWithoutId() {
        assertThat(parseError("{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"ratings\":[]}]}").get(0)
                .location().pointer()).isEqualTo("/vulnerabilities/0/id");
    }
}
