package io.jenkins.plugins.securedeploy.engine.scan.shellcheck;

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

class ShellCheckParserTest extends AbstractReportParserTest {
    private static final String FIXTURE = "valid-release-sh.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new ShellCheckDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(FIXTURE, 8).with(Severity.HIGH, 1).with(Severity.MEDIUM, 4).with(Severity.LOW, 2)
                        .with(Severity.INFO, 1),
                Fixture.of("valid-clean.json", 0));
    }

    @Override
    protected String reportTemplate() {
        return "{\"comments\":[{\"file\":\"deploy.sh\",\"line\":3,\"endLine\":3,\"column\":5,\"endColumn\":9,"
                + "\"level\":\"warning\",\"code\":2086,\"message\":" + VALUE_PLACEHOLDER + ",\"fix\":null}]}";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(6000);
        return new LargeReport("{\"comments\":[", i -> "{\"file\":\"scripts/s" + i + ".sh\",\"line\":" + (i % 900 + 1)
                + ",\"endLine\":1,\"column\":3,\"endColumn\":9,\"level\":\"info\",\"code\":2086,\"message\":"
                + "\"Double quote to prevent globbing and word splitting.\",\"fix\":{\"replacements\":[{\"replacement\":\""
                + pad + "\"}]}}", ",", "]}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("{\"comments\":[]}");
    }

    @Test
    void shouldMapLevelsCodesAndLocations() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.tool()).isEqualTo("shellcheck");
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("SC2006", "SC2124", "SC2086", "SC2164",
                "SC2086", "SC2115", "SC2154", "SC2068");
        Finding style = r.findings().get(0);
        assertThat(style.severity()).isEqualTo(Severity.INFO);
        assertThat(style.category()).isEqualTo(Category.SAST);
        assertThat(style.location()).isEqualTo(Location.of("release.sh", 2, 9));
        assertThat(r.findings().get(7).severity()).isEqualTo(Severity.HIGH);
        assertThat(r.findings().get(7).title()).startsWith("Double quote array expansions");
    }

    @Test
    void shouldGiveRepeatedFindingsDistinctStableFingerprints() {
        List<Finding> sc2086 = parseFixture(FIXTURE).findings().stream().filter(f -> f.ruleId().equals("SC2086"))
                .toList();
        assertThat(sc2086).hasSize(2);
        assertThat(sc2086.get(0).fingerprint()).isNotEqualTo(sc2086.get(1).fingerprint());
        assertThat(parseFixture(FIXTURE).findings().get(2).fingerprint()).isEqualTo(sc2086.get(0).fingerprint());
    }

    @Test
    void shouldMapAnUnknownLevelToUnknown() {
        ScanResult r = parse("{\"comments\":[{\"file\":\"a.sh\",\"line\":1,\"column\":1,\"level\":\"fatal\","
                + "\"code\":1000,\"message\":\"m\"}]}");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void shouldRejectACommentWithoutCodeOrFileWithItsPointer() {
        assertThat(parseError("{\"comments\":[{\"file\":\"a.sh\",\"line\":1,\"level\":\"info\"}]}").get(0)
                .location().pointer()).isEqualTo("/comments/0/code");
        assertThat(parseError("{\"comments\":[{\"code\":1,\"line\":1}]}").get(0).location().pointer())
                .isEqualTo("/comments/0/file");
    }

    @Test
    void shouldRejectThePlainJsonFormatWhichHasNoWrapper() {
        assertThat(parseError("[{\"file\":\"a.sh\",\"line\":1,\"column\":1,\"level\":\"info\",\"code\":2086,"
                + "\"message\":\"m\"}]").get(0).message()).contains("json1");
    }
}
