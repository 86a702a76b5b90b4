package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule docs show what is shipped: every built-in hardening rule, and the sample rules exactly as tested. */
class RuleDocsTest {
    static String doc(String name) throws IOException {
        return Files.readString(Samples.dir("policy-rules").getParent().getParent().resolve("docs").resolve(name),
                StandardCharsets.UTF_8);
    }

    @Test
    void shouldDocumentEveryBuiltInHardeningRule() throws IOException {
        String doc = doc("hardening.md");
        for (CompiledRule r : HardeningRules.builtIn().rules()) {
            assertThat(doc).as(r.id()).contains("| `" + r.id() + "` | " + r.spec().scope() + " | "
                    + r.spec().severity() + " |");
            assertThat(r.spec().description()).as(r.id() + " rationale").isNotBlank();
            assertThat(r.spec().fix()).as(r.id() + " fix").isNotBlank();
            assertThat(doc).contains(r.spec().fix());
        }
    }

    @Test
    void shouldShowTheSampleRulesAsShipped() throws IOException {
        String doc = doc("policy-rules.md");
        String sample = Files.readString(Samples.dir("policy-rules").resolve(".secure-deploy.yml"),
                StandardCharsets.UTF_8);
        for (String line : List.of("require: provenance.exists(p, p.verified && p.builder.id == \"https://jenkins.example.com/\")",
                "component.licenses.all(l, l in [\"MIT\", \"Apache-2.0\", \"BSD-2-Clause\", \"BSD-3-Clause\", \"ISC\"])",
                "when: finding.severity == \"HIGH\" && finding.fixable && finding.pkg.name != \"\"",
                "require: finding.ageDays <= 30")) {
            assertThat(doc).contains(line);
            assertThat(sample).contains(line);
        }
    }

    @Test
    void shouldDocumentEveryFieldOfTheInputModel() throws IOException {
        String doc = doc("policy-rules.md");
        for (Class<?> type : List.of(RuleInput.class, FindingView.class, ComponentView.class, VerificationView.class,
                ProvenanceView.class, EnvironmentView.class, ArtifactView.class, PackageView.class)) {
            for (var c : type.getRecordComponents()) {
                assertThat(doc).as(type.getSimpleName() + "." + c.getName()).contains("`" + c.getName() + "`");
            }
        }
    }
}
