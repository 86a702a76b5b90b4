package io.jenkins.plugins.securedeploy.engine.scan.checkov;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckovParserTest extends AbstractReportParserTest {
    private static final String FIXTURE = "valid-multi-framework.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new CheckovDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(FIXTURE, 4).with(Severity.UNKNOWN, 1).with(Severity.HIGH, 1)
                        .with(Severity.CRITICAL, 1).with(Severity.LOW, 1),
                Fixture.of("valid-no-resources.json", 0));
    }

    @Override
    protected String reportTemplate() {
        return "{\"check_type\":\"terraform\",\"results\":{\"passed_checks\":[],\"failed_checks\":[{\"check_id\":"
                + "\"CKV_AWS_20\",\"check_name\":" + VALUE_PLACEHOLDER + ",\"file_path\":\"/main.tf\","
                + "\"file_line_range\":[1,5],\"resource\":\"aws_s3_bucket.a\",\"severity\":null}],\"skipped_checks\":[],"
                + "\"parsing_errors\":[]},\"summary\":{\"passed\":0,\"failed\":1,\"checkov_version\":\"3.2.255\"}}";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(6000);
        return new LargeReport("[{\"check_type\":\"terraform\",\"results\":{\"failed_checks\":[", i -> "{\"check_id\":"
                + "\"CKV_AWS_18\",\"check_name\":\"Ensure the S3 bucket has access logging enabled\",\"file_path\":"
                + "\"/m" + i + ".tf\",\"file_line_range\":[" + (i % 900 + 1) + ",9],\"resource\":\"aws_s3_bucket.b\","
                + "\"severity\":null,\"guideline\":\"" + pad + "\"}", ",", "]}}]", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("{\"passed\":0,\"failed\":0,\"skipped\":0,\"parsing_errors\":0,\"resource_count\":0,"
                + "\"checkov_version\":\"3.2.255\"}");
    }

    @Test
    void shouldReadEveryFrameworkOfAnArrayReport() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.tool()).isEqualTo("checkov");
        assertThat(r.toolVersion()).isEqualTo("3.2.255");
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactly("CKV_AWS_18", "CKV_AWS_145", "CKV_AWS_20", "CKV_DOCKER_3");
        Finding logging = r.findings().get(0);
        assertThat(logging.severity()).as("null severity is UNKNOWN, never a pass").isEqualTo(Severity.UNKNOWN);
        assertThat(logging.category()).isEqualTo(Category.IAC);
        assertThat(logging.location()).isEqualTo(Location.of("/main.tf", 1, 0));
        assertThat(logging.ids()).containsExactly("CKV_AWS_18", "BC_AWS_S3_13");
        assertThat(r.findings().get(2).location()).isEqualTo(Location.of("/modules/web/bucket.tf", 3, 0));
    }

    @Test
    void shouldFailClosedOnParsingErrors() {
        ScanResult r = parseFixture("parsing-error.json");

        assertThat(r.isError()).isTrue();
        assertThat(r.problems().get(0).message()).contains("/work/infra/broken.tf");
    }

    @Test
    void shouldRejectASummaryOnlyReportThatClaimsFailures() {
        assertThat(parseError("{\"passed\":0,\"failed\":2,\"checkov_version\":\"3.2.255\"}").get(0).code())
                .isEqualTo("checkov.summary");
    }

    @Test
    void shouldMapCheckTypesToCategories() {
        assertThat(CheckovParser.category("sca_package")).isEqualTo(Category.SCA);
        assertThat(CheckovParser.category("secrets")).isEqualTo(Category.SECRET);
        assertThat(CheckovParser.category("kubernetes")).isEqualTo(Category.IAC);
    }
}
