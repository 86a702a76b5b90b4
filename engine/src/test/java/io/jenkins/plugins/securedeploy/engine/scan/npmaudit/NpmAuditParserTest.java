package io.jenkins.plugins.securedeploy.engine.scan.npmaudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpmAuditParserTest extends AbstractReportParserTest {
    private static final String REPORT = "npm-audit-lodash-minimist.json";
    private static final String SNAPSHOT = "npm-cli-json-audit-snapshot.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new NpmAuditDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(REPORT, 6).with(Severity.CRITICAL, 2).with(Severity.HIGH, 2)
                        .with(Severity.MEDIUM, 2),
                Fixture.of(SNAPSHOT, 1).with(Severity.HIGH, 1));
    }

    @Override
    protected String reportTemplate() {
        return "{\"auditReportVersion\":2,\"vulnerabilities\":{\"lodash\":{\"name\":\"lodash\",\"severity\":\"high\","
                + "\"isDirect\":true,\"via\":[{\"source\":1,\"name\":\"lodash\",\"title\":" + VALUE_PLACEHOLDER
                + ",\"url\":\"https://github.com/advisories/GHSA-p6mc-m468-83gw\",\"severity\":\"high\",\"cwe\":[],"
                + "\"cvss\":{\"score\":7.4},\"range\":\"<4.17.19\"}],\"effects\":[],\"range\":\"<4.17.19\","
                + "\"nodes\":[\"node_modules/lodash\"],\"fixAvailable\":true}},\"metadata\":{}}";
    }

    @Override
    protected LargeReport largeReport() {
        String overview = "o".repeat(4000);
        return new LargeReport("{\"auditReportVersion\":2,\"vulnerabilities\":{", i -> "\"pkg-" + i + "\":{\"name\":"
                + "\"pkg-" + i + "\",\"severity\":\"moderate\",\"via\":[{\"source\":" + i + ",\"title\":\"t\","
                + "\"url\":\"https://github.com/advisories/GHSA-29mw-wpgm-hmr9\",\"severity\":\"moderate\","
                + "\"overview\":\"" + overview + "\",\"cwe\":[\"CWE-400\"],\"cvss\":{\"score\":5.3},\"range\":\"<2\"}],"
                + "\"effects\":[],\"range\":\"<2\",\"nodes\":[\"node_modules/pkg-" + i + "\"],\"fixAvailable\":true}",
                ",", "},\"metadata\":{}}", 1);
    }

    @Test
    void shouldReportEveryAdvisoryWithCriticalKeptDistinct() {
        ScanResult r = parseFixture(REPORT);
        Finding first = r.findings().get(0);
        assertThat(first.ruleId()).isEqualTo("GHSA-jf85-cpcp-j695");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.score()).isEqualTo(9.1);
        assertThat(first.ids()).containsExactly("GHSA-jf85-cpcp-j695", "npm:1106913", "CWE-20", "CWE-1321");
        assertThat(first.packageRef().orElseThrow().name()).isEqualTo("lodash");
        assertThat(first.packageRef().orElseThrow().fixedVersion()).isEqualTo("4.17.21");
        assertThat(first.location()).isEqualTo(Location.ofFile("node_modules/lodash"));
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("GHSA-jf85-cpcp-j695",
                "GHSA-p6mc-m468-83gw", "GHSA-35jh-r3h4-6jhm", "GHSA-29mw-wpgm-hmr9", "GHSA-xvch-5gv4-984h",
                "GHSA-vh95-rmgr-6w4m");
        assertThat(r.findings().get(3).severity()).as("moderate").isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldTreatScoreZeroAsNoScoreAndFalseAsNoFix() {
        Finding f = parseFixture(SNAPSHOT).findings().get(0);
        assertThat(f.ruleId()).isEqualTo("npm-advisory-100");
        assertThat(f.hasScore()).isFalse();
        assertThat(f.fixable()).isFalse();
        assertThat(f.ids()).contains("CWE-0");
    }

    @Test
    void shouldFailOnTheErrorNpmWritesWhenTheAuditEndpointFails() {
        assertThatThrownBy(() -> parseFixture("npm-audit-error-405.json"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).code())
                        .isEqualTo("report.tool-error"));
    }

    @Test
    void shouldDeriveFixedVersionFromTheRangeWhenNpmOnlySaysTrue() {
        Finding f = parse(template()).findings().get(0);
        assertThat(f.packageRef().orElseThrow().fixedVersion()).isEqualTo("4.17.19");
    }

    private String template() {
        return reportTemplate().replace(VALUE_PLACEHOLDER, "\"Prototype Pollution\"");
    }
}
