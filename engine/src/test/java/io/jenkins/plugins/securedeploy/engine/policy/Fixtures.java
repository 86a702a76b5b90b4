package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.time.LocalDate;
import java.util.List;

/** Small builders for policy tests. */
final class Fixtures {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private Fixtures() {}

    static Finding finding(String tool, Severity severity, String id) {
        return Finding.builder(tool, "rule-" + id).title("title " + id).severity(severity).category(Category.SCA)
                .id(id).pkg(new PackageRef("lib-" + id, "1.0", "1.1", "")).location(Location.ofFile("pom.xml"))
                .build();
    }

    static Finding secret(String file) {
        return Finding.builder("gitleaks", "generic-api-key").title("secret").severity(Severity.HIGH)
                .category(Category.SECRET).location(Location.of(file, 3, 1)).build();
    }

    static ScanResult ok(String tool, Finding... findings) {
        return ScanResult.ok(tool, "1", tool + ".json", List.of(findings));
    }

    static Waiver waiver(Waiver.Kind kind, String value, LocalDate expires) {
        return new Waiver(kind, value, null, "alice", "accepted", "SEC-1", expires, null);
    }

    static Policy withWaivers(Policy p, List<Waiver> waivers) {
        return new Policy(p.thresholds(), p.fixableOnly(), p.tools(), p.categories(), p.requiredReports(),
                p.evidence(), p.waiverRules(), p.overrideRules(), waivers, p.source(), p.locations(), p.sbom());
    }
}
