package io.jenkins.plugins.securedeploy.engine.scan.grype;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrypeParserTest extends AbstractReportParserTest {
    private static final String IMAGE = "grype-image-golden.json";
    private static final String DIR = "grype-dir-java.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new GrypeDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(IMAGE, 2).with(Severity.LOW, 1).with(Severity.CRITICAL, 1),
                Fixture.of(DIR, 4).with(Severity.CRITICAL, 1).with(Severity.MEDIUM, 1).with(Severity.INFO, 1)
                        .with(Severity.UNKNOWN, 1));
    }

    @Override
    protected String reportTemplate() {
        return "{\"matches\":[{\"vulnerability\":{\"id\":\"CVE-2024-1\",\"severity\":\"High\",\"description\":"
                + VALUE_PLACEHOLDER + ",\"fix\":{\"versions\":[\"2.0\"],\"state\":\"fixed\"}},"
                + "\"relatedVulnerabilities\":[],\"matchDetails\":[],\"artifact\":{\"name\":\"openssl\","
                + "\"version\":\"1.0\"}}],\"source\":{\"type\":\"image\"},"
                + "\"descriptor\":{\"name\":\"grype\",\"version\":\"0.74.0\"}}";
    }

    @Override
    protected LargeReport largeReport() {
        String description = "d".repeat(4000);
        return new LargeReport("{\"matches\":[", i -> "{\"vulnerability\":{\"id\":\"CVE-2024-" + i
                + "\",\"severity\":\"High\",\"description\":\"" + description + "\",\"cvss\":[{\"metrics\":"
                + "{\"baseScore\":7.5}}],\"fix\":{\"versions\":[],\"state\":\"not-fixed\"}},\"relatedVulnerabilities\":"
                + "[],\"matchDetails\":[],\"artifact\":{\"name\":\"p" + (i % 100) + "\",\"version\":\"1\"}}",
                ",", "],\"source\":{\"type\":\"directory\"},\"descriptor\":{\"name\":\"grype\"}}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of();
    }

    @Test
    void shouldKeepGrypeSeverityAndScoresAndFixes() {
        ScanResult r = parseFixture(IMAGE);
        Finding low = r.findings().get(0);
        assertThat(low.severity()).as("Grype's own severity wins").isEqualTo(Severity.LOW);
        assertThat(low.score()).isEqualTo(8.2);
        assertThat(low.category()).isEqualTo(Category.CONTAINER);
        assertThat(low.packageRef()).contains(new PackageRef("package-1", "1.1.1", "1.2.1", ""));
        assertThat(low.location().file()).isEqualTo("/foo/bar/somefile-1.txt");
        assertThat(r.findings().get(1).fixable()).isFalse();
        assertThat(r.toolVersion()).isEqualTo("[not provided]");
    }

    @Test
    void shouldCarryRelatedIdsForDirectoryScans() {
        ScanResult r = parseFixture(DIR);
        Finding log4shell = r.findings().get(0);
        assertThat(log4shell.category()).isEqualTo(Category.SCA);
        assertThat(log4shell.ids()).containsExactly("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228");
        assertThat(log4shell.score()).isEqualTo(10.0);
        assertThat(log4shell.packageRef().orElseThrow().fixedVersion()).isEqualTo("2.15.0");
        assertThat(log4shell.packageRef().orElseThrow().purl())
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(r.findings().get(2).severity()).isEqualTo(Severity.INFO);
        assertThat(r.findings().get(2).fixable()).as("wont-fix is not a fix").isFalse();
        assertThat(r.toolVersion()).isEqualTo("0.74.0");
    }

    @Test
    void shouldAcceptAnEmptyMatchList() {
        assertThat(parse("{\"matches\":[],\"source\":{\"type\":\"image\"},\"descriptor\":{\"name\":\"grype\"}}")
                .findings()).isEmpty();
    }
}
