package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WaiverIndexTest {
    private static final Finding NPM = Finding.builder("npm-audit", "GHSA-xxxx").severity(Severity.HIGH)
            .category(Category.SCA).id("GHSA-abcd-1234").id("CVE-2024-0001")
            .pkg(new PackageRef("@babel/core", "7.1.0", "", "")).location(Location.ofFile("web/package-lock.json"))
            .build();

    private static boolean matched(Waiver w, Finding f) {
        return new WaiverIndex(List.of(w), TODAY).match(f).isPresent();
    }

    @Test
    void shouldMatchByEveryKind() {
        assertThat(matched(Fixtures.waiver(Waiver.Kind.ID, "cve-2024-0001", null), NPM)).isTrue();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.FINGERPRINT, NPM.fingerprint(), null), NPM)).isTrue();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.PACKAGE, "@babel/core", null), NPM)).isTrue();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.PACKAGE, "@babel/core@7.1.0", null), NPM)).isTrue();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.PACKAGE, "@babel/core@7.2.0", null), NPM)).isFalse();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.PATH, "web/**", null), NPM)).isTrue();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.PATH, "*.json", null), NPM)).isFalse();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.PATH, "**/package-lock.json", null), NPM)).isTrue();
        assertThat(matched(Fixtures.waiver(Waiver.Kind.RULE, "GHSA-xxxx", null), NPM)).isTrue();
    }

    @Test
    void shouldNarrowToOneTool() {
        Waiver other = new Waiver(Waiver.Kind.RULE, "GHSA-xxxx", "trivy", "a", "b", "", null, null);
        assertThat(matched(other, NPM)).isFalse();
    }

    @Test
    void shouldNeverApplyAnExpiredWaiverButReportIt() {
        Waiver w = Fixtures.waiver(Waiver.Kind.ID, "CVE-2024-0001", TODAY.minusDays(1));
        WaiverIndex index = new WaiverIndex(List.of(w), TODAY);
        assertThat(index.match(NPM)).isEmpty();
        assertThat(index.expiredMatch(NPM)).contains(w);
        Waiver today = Fixtures.waiver(Waiver.Kind.ID, "CVE-2024-0001", TODAY);
        assertThat(new WaiverIndex(List.of(today), TODAY).match(NPM)).contains(today);
    }

    @Property(tries = 200)
    void shouldAgreeWithTheNaiveMatcher(@ForAll @IntRange(min = 0, max = 30) int seed) {
        List<Finding> findings = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> finding("t" + (i % 3), Severity.HIGH, "CVE-" + ((i * seed) % 11))).toList();
        List<Waiver> waivers = java.util.stream.IntStream.range(0, 8).mapToObj(i -> switch ((i + seed) % 4) {
            case 0 -> Fixtures.waiver(Waiver.Kind.ID, "CVE-" + ((i + seed) % 11), null);
            case 1 -> Fixtures.waiver(Waiver.Kind.PACKAGE, "lib-CVE-" + (i % 11), null);
            case 2 -> Fixtures.waiver(Waiver.Kind.RULE, "rule-CVE-" + ((i * 3) % 11), null);
            default -> Fixtures.waiver(Waiver.Kind.PATH, List.of("pom.xml", "src/**", "**/pom.xml", "p*.xml",
                    "./pom.xml", "lib/pom.xml").get((i + seed) % 6), null);
        }).toList();
        WaiverIndex index = new WaiverIndex(waivers, TODAY);
        for (Finding f : findings) {
            boolean naive = waivers.stream().anyMatch(w -> w.matches(f));
            assertThat(index.match(f).isPresent()).isEqualTo(naive);
        }
    }
}
