package io.jenkins.plugins.securedeploy.engine.scan.osv;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvParserTest extends AbstractReportParserTest {
    private static final String REPORT = "osv-scanner-lockfiles.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new OsvDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(REPORT, 4).with(Severity.CRITICAL, 1).with(Severity.MEDIUM, 2)
                .with(Severity.UNKNOWN, 1));
    }

    @Override
    protected String reportTemplate() {
        return "{\"results\":[{\"source\":{\"path\":\"package-lock.json\",\"type\":\"lockfile\"},\"packages\":[{"
                + "\"package\":{\"name\":\"lodash\",\"version\":\"4.17.4\",\"ecosystem\":\"npm\"},"
                + "\"vulnerabilities\":[{\"id\":\"GHSA-jf85-cpcp-j695\",\"summary\":\"s\",\"details\":"
                + VALUE_PLACEHOLDER + "}],\"groups\":[{\"ids\":[\"GHSA-jf85-cpcp-j695\"],\"max_severity\":\"9.1\"}]}]}]}";
    }

    @Override
    protected LargeReport largeReport() {
        String details = "d".repeat(4000);
        return new LargeReport("{\"results\":[{\"source\":{\"path\":\"package-lock.json\",\"type\":\"lockfile\"},"
                + "\"packages\":[", i -> "{\"package\":{\"name\":\"p" + i + "\",\"version\":\"1.0.0\",\"ecosystem\":"
                + "\"npm\"},\"vulnerabilities\":[{\"id\":\"GHSA-" + i + "\",\"aliases\":[\"CVE-2024-" + i + "\"],"
                + "\"summary\":\"s\",\"details\":\"" + details + "\"}],\"groups\":[{\"ids\":[\"GHSA-" + i + "\"],"
                + "\"max_severity\":\"7.5\"}]}", ",", "]}]}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("{\"results\":[]}");
    }

    @Test
    void shouldMapGroupsWithMaxSeverityAliasesAndFixes() {
        ScanResult r = parseFixture(REPORT);
        Finding lodash = r.findings().get(0);
        assertThat(lodash.ruleId()).isEqualTo("GHSA-jf85-cpcp-j695");
        assertThat(lodash.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(lodash.score()).isEqualTo(9.1);
        assertThat(lodash.ids()).containsExactly("GHSA-jf85-cpcp-j695", "CVE-2019-10744", "CWE-20", "CWE-1321");
        assertThat(lodash.packageRef()).contains(new PackageRef("lodash", "4.17.4", "4.17.12", ""));
        assertThat(lodash.location()).isEqualTo(Location.ofFile("/src/app/package-lock.json"));
        assertThat(r.findings().get(1).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldComputeCvssFromVectorsWhenNoMaxSeverityAndFailClosedOnV4() {
        ScanResult r = parseFixture(REPORT);
        Finding net = r.findings().get(2);
        assertThat(net.ruleId()).isEqualTo("GO-2023-1988");
        assertThat(net.ids()).contains("GHSA-2wrh-6pvc-2jm9", "CVE-2023-3978");
        assertThat(net.score()).isEqualTo(5.4);
        assertThat(net.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(net.location().file()).isEqualTo("/src/app/go.mod");
        assertThat(r.findings().get(3).severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(r.findings().get(3).fixable()).isFalse();
    }
}
