package io.jenkins.plugins.securedeploy.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The sample policy the demo gates on and the default admin floor agree (issue 11 F): the floor is the one
 * docs/configuration.md shows (between its default-floor markers), the sample merges under it, and the sample's
 * old {@code thresholds.total.high: 5} is refused with the field named.
 */
class SamplePolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Path repo() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("samples/app/.secure-deploy.yml"))
                    && Files.isRegularFile(d.resolve("docs/configuration.md"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root (samples/, docs/) not found above the module");
    }

    /** The YAML block between {@code <!-- default-floor:begin -->} and {@code <!-- default-floor:end -->}. */
    static String documentedFloor() throws IOException {
        String doc = Files.readString(repo().resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- default-floor:begin -->");
        int end = doc.indexOf("<!-- default-floor:end -->");
        assertThat(begin).as("default-floor markers in docs/configuration.md").isGreaterThanOrEqualTo(0);
        String block = doc.substring(begin, end);
        return block.substring(block.indexOf("```yaml") + 7, block.lastIndexOf("```"));
    }

    private static PolicyFloor floor() throws IOException {
        return new PolicyFloor(new PolicyReader().read(documentedFloor().getBytes(StandardCharsets.UTF_8),
                "Jenkins security settings (Secure Deploy floor)"));
    }

    @Test
    void shouldDocumentAStrictDefaultFloor() throws IOException {
        Policy f = floor().rules();
        assertThat(f.thresholds().total().limit(Severity.CRITICAL)).contains(0);
        assertThat(f.thresholds().total().limit(Severity.HIGH)).contains(0);
        assertThat(f.thresholds().cvssThreshold()).contains(9.0);
        assertThat(f.waiverRules().maxDays()).isEqualTo(90);
        assertThat(f.relaxations()).isEmpty();
    }

    @Test
    void shouldAcceptTheSamplePolicyUnderTheDefaultFloor() throws IOException {
        Path sample = repo().resolve("samples/app/.secure-deploy.yml");
        Policy project = new PolicyReader().read(sample, "samples/app/.secure-deploy.yml");
        Policy effective = new PolicyMerger().merge(floor(), project, TODAY);
        assertThat(effective.thresholds().total().limit(Severity.HIGH)).contains(0);
        assertThat(effective.requiredReports()).contains("secure-deploy-secrets", "bandit", "shellcheck");
    }

    @Test
    void shouldRefuseAHigherLimitThanTheFloorNamingTheField() throws IOException {
        String sample = Files.readString(repo().resolve("samples/app/.secure-deploy.yml"), StandardCharsets.UTF_8);
        String weaker = sample.replaceFirst("(?m)^    high: 0 ", "    high: 5 ");
        assertThat(weaker).isNotEqualTo(sample);
        Policy project = new PolicyReader().read(weaker.getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml");
        PolicyFloor floor = floor();
        assertThatThrownBy(() -> new PolicyMerger().merge(floor, project, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::describe).anySatisfy(d -> assertThat(d)
                                .contains(".secure-deploy.yml").contains("/thresholds/total/high")));
    }
}
