package io.jenkins.plugins.securedeploy.engine.scan.dependencycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyCheckParserTest extends AbstractReportParserTest {
    private static final String FIXTURE = "valid-maven-project.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new DependencyCheckDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(FIXTURE, 5).with(Severity.CRITICAL, 2).with(Severity.MEDIUM, 2)
                .with(Severity.UNKNOWN, 1));
    }

    @Override
    protected String reportTemplate() {
        return "{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"9.2.0\"},\"dependencies\":[{\"isVirtual\":"
                + "false,\"fileName\":\"x.jar\",\"filePath\":\"/x.jar\",\"packages\":[{\"id\":\"pkg:maven/a/x@1.0\"}],"
                + "\"vulnerabilities\":[{\"source\":\"NVD\",\"name\":\"CVE-2024-0001\",\"cvssv3\":{\"baseScore\":7.5},"
                + "\"description\":" + VALUE_PLACEHOLDER + ",\"notes\":\"\",\"references\":[]}]}]}";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(6000);
        return new LargeReport("{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"9.2.0\"},\"dependencies\":[",
                i -> "{\"isVirtual\":false,\"fileName\":\"lib" + i + ".jar\",\"evidenceCollected\":{\"vendorEvidence\":"
                        + "[{\"value\":\"" + pad + "\"}]},\"packages\":[{\"id\":\"pkg:maven/g/lib" + i + "@1.0\"}],"
                        + "\"vulnerabilities\":[{\"source\":\"NVD\",\"name\":\"CVE-2024-" + i + "\",\"cvssv3\":"
                        + "{\"baseScore\":5.0},\"description\":\"short\"}]}", ",", "]}", 1);
    }

    @Test
    void shouldMapCvssPackagesAndIds() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.tool()).isEqualTo("dependency-check");
        assertThat(r.toolVersion()).isEqualTo("9.2.0");
        Finding log4shell = r.findings().get(0);
        assertThat(log4shell.ruleId()).isEqualTo("CVE-2021-44228");
        assertThat(log4shell.severity()).as("CVSS v3 10.0 is CRITICAL, not v2's HIGH").isEqualTo(Severity.CRITICAL);
        assertThat(log4shell.score()).isEqualTo(10.0);
        assertThat(log4shell.category()).isEqualTo(Category.SCA);
        assertThat(log4shell.ids()).containsExactly("CVE-2021-44228", "CWE-917", "CWE-502", "CWE-20");
        assertThat(log4shell.packageRef()).contains(new PackageRef("org.apache.logging.log4j/log4j-core", "2.14.1", "",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        assertThat(log4shell.location().file()).isEqualTo("log4j-core-2.14.1.jar");
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2021-44228", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("CVE-2021-45105", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("CVE-2022-42889", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("GHSA-0000-demo-0001", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("retire-demo-0002", Severity.UNKNOWN));
    }

    @Test
    void shouldRecordSuppressedVulnerabilitiesWithoutCountingThem() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.isError()).isFalse();
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("CVE-2021-44832");
        assertThat(r.problems()).extracting(Problem::code).containsExactly("dependencycheck.suppressed");
        assertThat(r.problems().get(0).message()).contains("CVE-2021-44832").contains("log4j-core-2.14.1.jar");
    }

    @Test
    void shouldFallBackToCvssV2RatingsWithoutCritical() {
        assertThat(DependencyCheckParser.cvssV2(9.3)).isEqualTo(Severity.HIGH);
        assertThat(DependencyCheckParser.cvssV2(5.0)).isEqualTo(Severity.MEDIUM);
        assertThat(DependencyCheckParser.cvssV2(2.0)).isEqualTo(Severity.LOW);
        ScanResult r = parse("{\"reportSchema\":\"1.1\",\"dependencies\":[{\"fileName\":\"a.jar\",\"vulnerabilities\":"
                + "[{\"name\":\"CVE-1\",\"cvssv2\":{\"score\":9.3}}]}]}");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldParsePurlsWithQualifiers() {
        assertThat(DependencyCheckParser.fromPurl("pkg:npm/%40scope/left-pad@1.3.0?foo=bar#sub"))
                .isEqualTo(new PackageRef("%40scope/left-pad", "1.3.0", "", "pkg:npm/%40scope/left-pad@1.3.0?foo=bar#sub"));
    }

    @Test
    void shouldRejectAVulnerabilityWithoutName() {
        assertThat(parseError("{\"reportSchema\":\"1.1\",\"dependencies\":[{\"vulnerabilities\":[{\"severity\":"
                + "\"HIGH\"}]}]}").get(0).location().pointer()).isEqualTo("/dependencies/0/vulnerabilities/0/name");
    }
}
