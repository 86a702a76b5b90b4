package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ScanResultWriter writes, ScanResultReader (and so the gate) reads back. */
class ScanResultWriterTest {
    @Test
    void shouldRoundTripFindings() {
        Finding f = Finding.builder("secure-deploy-hardening", "root-user").title("runs as root")
                .severity(Severity.HIGH).category(Category.CONTAINER).id("root-user")
                .pkg(new PackageRef("alpine", "3.19", "", "")).location(Location.of("Dockerfile", 7, 0)).build();
        byte[] doc = new ScanResultWriter().write(ScanResult.ok("secure-deploy-hardening", "1", "dir", List.of(f)));
        ScanResult back = new ScanResultReader().read(new ByteArrayInputStream(doc), "h.json");
        assertThat(back.isError()).isFalse();
        Finding g = back.findings().get(0);
        assertThat(g.ruleId()).isEqualTo("root-user");
        assertThat(g.severity()).isEqualTo(Severity.HIGH);
        assertThat(g.category()).isEqualTo(Category.CONTAINER);
        assertThat(g.location().line()).isEqualTo(7);
        assertThat(g.pkg().name()).isEqualTo("alpine");
    }

    @Test
    void shouldKeepAnErrorAnError() {
        byte[] doc = new ScanResultWriter().write(ScanResult.error("secure-deploy-hardening", "dir",
                List.of(Problem.of("container.bad-manifest", "not YAML", Location.of("k.yaml", 3, 1)))));
        ScanResult back = new ScanResultReader().read(new ByteArrayInputStream(doc), "h.json");
        assertThat(back.isError()).isTrue();
        assertThat(back.problems().get(0).message()).contains("k.yaml:3:1");
    }
}
