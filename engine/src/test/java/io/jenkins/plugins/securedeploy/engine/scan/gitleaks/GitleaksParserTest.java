package io.jenkins.plugins.securedeploy.engine.scan.gitleaks;

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

class GitleaksParserTest extends AbstractReportParserTest {
    private static final String FIXTURE = "gitleaks-v8-report.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new GitleaksDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(FIXTURE, 3).with(Severity.CRITICAL, 3));
    }

    @Override
    protected String reportTemplate() {
        return "[{\"RuleID\":\"generic-api-key\",\"Description\":\"Generic API key\",\"StartLine\":4,"
                + "\"Match\":" + VALUE_PLACEHOLDER + ",\"Secret\":" + VALUE_PLACEHOLDER + ",\"File\":\"app.env\","
                + "\"Message\":" + VALUE_PLACEHOLDER + ",\"Fingerprint\":\"app.env:generic-api-key:4\"}]";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(4000);
        return new LargeReport("[", i -> "{\"RuleID\":\"generic-api-key\",\"Description\":\"Generic API key\","
                + "\"StartLine\":" + (i % 500 + 1) + ",\"Match\":\"key=" + pad + "\",\"Secret\":\"" + pad + "\","
                + "\"File\":\"src/f" + i + ".env\",\"Fingerprint\":\"src/f" + i + ".env:generic-api-key:1\"}",
                ",", "]", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("[]");
    }

    @Override
    protected boolean keepsMessageText() {
        return false;
    }

    @Test
    void shouldMapEveryLeakToACriticalSecretFindingWithoutTheSecret() {
        ScanResult r = parseFixture(FIXTURE);
        assertThat(r.tool()).isEqualTo("gitleaks");
        Finding aws = r.findings().get(0);
        assertThat(aws.ruleId()).isEqualTo("aws-access-token");
        assertThat(aws.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(aws.category()).isEqualTo(Category.SECRET);
        assertThat(aws.location()).isEqualTo(Location.of("deploy/config.env", 12, 15));
        assertThat(aws.fingerprint())
                .isEqualTo("gitleaks:1b6f8c2a9d4e3f5a7b8c9d0e1f2a3b4c5d6e7f80:deploy/config.env:aws-access-token:12");
        assertThat(r.findings().get(2).title()).isEqualTo("test-rule");
        assertThat(r.findings().get(2).fingerprint()).startsWith("sha256:");
        assertThat(r.findings().toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE", "ghp_EXAMPLE", "a secret",
                "line containing secret", "opps");
    }

    @Test
    void shouldRejectALeakWithoutRuleOrFile() {
        assertThat(parseError("[{\"File\":\"a\",\"StartLine\":1}]").get(0).message()).contains("RuleID");
        assertThat(parseError("[{\"RuleID\":\"r\",\"StartLine\":1}]").get(0).message()).contains("File");
        assertThat(parseError("[{\"RuleID\":\"r\",\"File\":\"a\",\"StartLine\":\"x\"}]").get(0).location().pointer())
                .isEqualTo("/0/StartLine");
    }
}
