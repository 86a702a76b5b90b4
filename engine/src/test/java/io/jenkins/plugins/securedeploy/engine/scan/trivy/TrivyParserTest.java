package io.jenkins.plugins.securedeploy.engine.scan.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrivyParserTest extends AbstractReportParserTest {
    private static final String IMAGE = "trivy-image-alpine-310.json";
    private static final String FS = "trivy-fs-repo.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new TrivyDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(
                Fixture.of(IMAGE, 5).with(Severity.CRITICAL, 1).with(Severity.HIGH, 1).with(Severity.MEDIUM, 2)
                        .with(Severity.UNKNOWN, 1),
                Fixture.of(FS, 4).with(Severity.CRITICAL, 2).with(Severity.HIGH, 2));
    }

    @Override
    protected String reportTemplate() {
        return "{\"SchemaVersion\":2,\"ArtifactName\":\"app:1\",\"ArtifactType\":\"container_image\",\"Results\":["
                + "{\"Target\":\"app:1 (debian 12)\",\"Class\":\"os-pkgs\",\"Vulnerabilities\":[{\"VulnerabilityID\":"
                + "\"CVE-2024-1\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.0.1\",\"Severity\":\"HIGH\","
                + "\"Title\":\"t\",\"Description\":" + VALUE_PLACEHOLDER + "}]},"
                + "{\"Target\":\".env\",\"Class\":\"secret\",\"Secrets\":[{\"RuleID\":\"generic\",\"Severity\":\"HIGH\","
                + "\"StartLine\":1,\"Match\":" + VALUE_PLACEHOLDER + "}]}]}";
    }

    @Override
    protected LargeReport largeReport() {
        String description = "d".repeat(4000);
        return new LargeReport("{\"SchemaVersion\":2,\"ArtifactName\":\"big\",\"ArtifactType\":\"filesystem\","
                + "\"Results\":[{\"Target\":\"package-lock.json\",\"Class\":\"lang-pkgs\",\"Vulnerabilities\":[",
                i -> "{\"VulnerabilityID\":\"CVE-2024-" + i + "\",\"PkgName\":\"pkg" + (i % 100) + "\","
                        + "\"InstalledVersion\":\"1.0." + i + "\",\"Severity\":\"HIGH\",\"Title\":\"title\","
                        + "\"Description\":\"" + description + "\",\"CVSS\":{\"nvd\":{\"V3Score\":7.5}}}",
                ",", "]}]}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of();
    }

    @Test
    void shouldReadImageVulnerabilitiesAsContainerFindings() {
        ScanResult r = parseFixture(IMAGE);
        Finding first = r.findings().get(0);
        assertThat(first.ruleId()).isEqualTo("CVE-2019-1549");
        assertThat(first.category()).isEqualTo(Category.CONTAINER);
        assertThat(first.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(first.score()).isEqualTo(5.3);
        assertThat(first.ids()).containsExactly("CVE-2019-1549", "CWE-330");
        assertThat(first.packageRef()).contains(new PackageRef("libcrypto1.1", "1.1.1c-r0", "1.1.1d-r0",
                "pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2"));
        assertThat(first.location().file()).isEqualTo("testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)");
        assertThat(r.findings().get(2).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.findings().get(3).severity()).as("UNKNOWN without a score stays UNKNOWN")
                .isEqualTo(Severity.UNKNOWN);
        assertThat(r.findings().get(3).fixable()).isFalse();
        assertThat(r.findings().get(4).severity()).as("UNKNOWN with a CVSS score").isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldSplitFilesystemReportsIntoScaIacAndSecretFindings() {
        ScanResult r = parseFixture(FS);
        assertThat(r.findings()).extracting(Finding::category)
                .containsExactly(Category.SCA, Category.IAC, Category.IAC, Category.SECRET);
        Finding lodash = r.findings().get(0);
        assertThat(lodash.ids()).containsExactly("CVE-2019-10744", "GHSA-jf85-cpcp-j695", "CWE-1321");
        assertThat(lodash.packageRef().orElseThrow().fixedVersion()).isEqualTo("4.17.12");
        Finding ds002 = r.findings().get(1);
        assertThat(ds002.ruleId()).isEqualTo("DS002");
        assertThat(ds002.ids()).containsExactly("DS002", "AVD-DS-0002");
        assertThat(ds002.location()).isEqualTo(Location.ofFile("Dockerfile"));
        assertThat(r.findings().get(2).location()).isEqualTo(Location.of("main.tf", 7, 0));
        Finding secret = r.findings().get(3);
        assertThat(secret.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(secret.location()).isEqualTo(Location.of("config/.env", 2, 0));
        assertThat(r.findings().toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void shouldRejectOtherSchemaVersions() {
        assertThat(parseError("{\"SchemaVersion\":1,\"Results\":[]}").get(0).code())
                .isEqualTo("report.unsupported-version");
    }

    @Test
    void shouldAcceptACleanReportWithoutResults() {
        assertThat(parse("{\"SchemaVersion\":2,\"ArtifactName\":\"a\",\"ArtifactType\":\"container_image\"}")
                .findings()).isEmpty();
    }
}
