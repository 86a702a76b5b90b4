package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomComponent;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomFormat;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping from engine types to the rule input, and the sample-input reader's errors. */
class RuleInputsTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void shouldMapFindingsComponentsAndVerifications() {
        Finding f = Finding.builder("trivy", "CVE-1").severity(Severity.HIGH).category(Category.SCA).score(7.5)
                .id("CVE-1").pkg(new PackageRef("openssl", "3.0.1", "3.0.13", "pkg:deb/openssl@3.0.1"))
                .location(Location.of("Dockerfile", 3, 0)).build();
        Finding code = Finding.builder("semgrep", "xss").severity(Severity.LOW).build();
        Digest sha = Digest.of(DigestAlgorithm.SHA256, new byte[32]);
        SbomSummary sbom = new SbomSummary("bom.json", SbomFormat.CYCLONEDX_JSON, "1.6", "urn:x", sha, null,
                List.of(new SbomComponent("npm", "@types", "node", "20.1.0", "pkg:npm/%40types/node@20.1.0",
                        List.of("MIT"), Map.of("SHA-256", "ab"), "excluded", null)));
        RuleContext context = RuleContext.NONE.withEnvironment(new EnvironmentView("prod", Map.of("team", "a")))
                .withFirstSeen(Map.of(f.fingerprint(), Instant.parse("2026-10-01T00:00:00Z")));
        List<VerificationResult> results = List.of(
                VerificationResult.verified("dsse", "app.intoto.json", List.of("sha256:ab12"), DigestSet.of(sha), NOW,
                        List.of()),
                VerificationResult.failed("pgp", "app.jar.asc", List.of(Problem.of("sig.bad", "bad signature",
                        Location.ofFile("app.jar.asc")))));
        RuleInput in = RuleInputs.of(List.of(f, code), Set.of(code.fingerprint()), List.of(sbom),
                new RuleContext(context.environment(), null, results, null, context.firstSeen()), NOW);
        FindingView v = in.findings().get(0);
        assertThat(v.severity()).isEqualTo("HIGH");
        assertThat(v.hasScore()).isTrue();
        assertThat(v.pkg().fixedVersion()).isEqualTo("3.0.13");
        assertThat(v.fresh()).isTrue();
        assertThat(v.ageDays()).isEqualTo(61);
        assertThat(v.line()).isEqualTo(3);
        assertThat(in.findings().get(1).fresh()).isFalse();
        assertThat(in.findings().get(1).ageDays()).isZero();
        assertThat(in.findings().get(1).pkg()).isEqualTo(PackageView.NONE);
        assertThat(in.components()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("@types/node");
            assertThat(c.development()).isTrue();
            assertThat(c.sbom()).isEqualTo("bom.json");
        });
        assertThat(in.verifications()).extracting(VerificationView::status).containsExactly("VERIFIED", "FAILED");
        assertThat(in.verifications().get(0).digests()).containsKey("sha256");
        assertThat(in.verifications().get(1).reasons()).singleElement().asString().contains("bad signature");
        assertThat(in.environment().labels()).containsEntry("team", "a");
    }

    @Test
    void shouldReportEveryProblemOfASampleInputWithItsPointer() {
        String json = """
                {"now": "yesterday", "colour": 1, "findings": [{"tool": "t", "pkgg": {}}],
                 "components": {}, "environment": {"nam": "prod"}}
                """;
        assertThatThrownBy(() -> new RuleInputReader().read(json.getBytes(StandardCharsets.UTF_8), "in.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in.json:1")
                .hasMessageContaining("/now: not an ISO-8601 instant")
                .hasMessageContaining("unknown key 'colour'")
                .hasMessageContaining("unknown key 'pkgg'")
                .hasMessageContaining("field /components must be an array")
                .hasMessageContaining("unknown key 'nam'");
        assertThatThrownBy(() -> new RuleInputReader().read("{}".getBytes(StandardCharsets.UTF_8), "in.json"))
                .hasMessageContaining("field /now is required");
        assertThatThrownBy(() -> new RuleInputReader().read(java.nio.file.Path.of("no-such.json"), "no-such.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("file.unreadable");
    }
}
