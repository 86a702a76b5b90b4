package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Organisation-wide waivers (formerly the plugin's WaiverRulesParser), now engine waivers with the package applied. */
class AdminWaiverReaderTest {
    private final AdminWaiverReader reader = new AdminWaiverReader("waiverRules");

    @Test
    void shouldReadYamlWaiversWithTheirPackagePrefix() {
        AdminWaiverReader.Result result = reader.read("waivers:\n"
                + "  - id: CVE-2023-44487\n"
                + "    package: pkg:maven/io.netty/\n"
                + "    reason: HTTP/2 disabled\n"
                + "    owner: platform-security\n"
                + "    expires: 2025-06-30\n");
        assertThat(result.errors()).isEmpty();
        Waiver w = result.waivers().get(0);
        assertThat(w.kind()).isEqualTo(Waiver.Kind.ID);
        assertThat(w.value()).isEqualTo("CVE-2023-44487");
        assertThat(w.purlPrefix()).isEqualTo("pkg:maven/io.netty/");
        assertThat(w.expires()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(w.describe()).contains("for packages pkg:maven/io.netty/*");
    }

    @Test
    void shouldTreatBlankTextAsNoWaivers() {
        assertThat(reader.read("  \n").waivers()).isEmpty();
        assertThat(reader.read(null).errors()).isEmpty();
    }

    @Test
    void shouldLocateEveryProblemWithoutEchoingValues() {
        String secretLike = "AKIAIOSFODNN7EXAMPLE";
        AdminWaiverReader.Result result = reader.read("- id: CVE-1\n  owner: o\n  expires: not-a-date\n"
                + "  note: " + secretLike + "\n- 42\n");
        assertThat(result.waivers()).isEmpty();
        assertThat(result.errors()).hasSize(4);
        for (Problem p : result.errors()) {
            assertThat(p.describe()).doesNotContain(secretLike).doesNotContain("not-a-date");
        }
        assertThat(result.errors()).extracting(p -> p.location().pointer()).contains("/0/reason", "/0/expires", "/1");
    }

    @Test
    void shouldReportSyntaxErrorsAndStrayKeys() {
        assertThat(reader.read("waivers: [\n  {id: x\n").errors()).isNotEmpty()
                .first().extracting(p -> p.location().file()).isEqualTo("waiverRules");
        assertThat(reader.read("waivers: []\nextra: 1\n").errors()).isNotEmpty();
        assertThat(reader.read("waivers: []\n").errors()).isEmpty();
        assertThat(reader.read("waivers: 3\n").errors()).extracting(Problem::code).containsExactly("waiver.structure");
    }

    @Test
    void shouldCheckTheFloorLimitsAndFlagExpiredWaivers() {
        List<Waiver> waivers = reader.read("- {id: A, reason: r, owner: o}\n"
                + "- {id: B, reason: r, owner: o, expires: 2027-01-01}\n"
                + "- {id: C, reason: r, owner: o, expires: 2025-01-01}\n").waivers();
        LocalDate today = LocalDate.of(2026, 1, 1);
        assertThat(AdminWaiverReader.checkLimits(waivers, 90, false, today)).extracting(Problem::code)
                .containsExactly("waiver.expiry-required", "waiver.too-long");
        assertThat(AdminWaiverReader.checkLimits(waivers, 400, true, today)).isEmpty();
        assertThat(AdminWaiverReader.expired(waivers, today)).singleElement()
                .satisfies(p -> assertThat(p.location().pointer()).isEqualTo("/2/expires"));
    }
}
