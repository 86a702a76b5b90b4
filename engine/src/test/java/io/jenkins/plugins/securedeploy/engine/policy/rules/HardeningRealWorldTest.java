package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerScanner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in hardening rules on Dockerfiles and manifests modelled on public projects' files (see the README in
 * the fixture folder for each file's origin): every expected finding, by file, rule and line, and nothing else.
 */
class HardeningRealWorldTest {
    static ScanResult result;

    @BeforeAll
    static void scan() throws URISyntaxException {
        Path dir = Path.of(HardeningRealWorldTest.class.getResource(
                "/io/jenkins/plugins/securedeploy/engine/scan/container/realworld").toURI());
        result = new ContainerScanner(HardeningRules.builtIn()).scan(new FileSystemWorkspace(dir),
                new EngineLog("[harden] "));
    }

    static Map<String, List<String>> byFile() {
        return result.findings().stream().collect(Collectors.groupingBy(f -> f.location().file(), TreeMap::new,
                Collectors.mapping(f -> f.ruleId() + ":" + f.location().line(), Collectors.toList())));
    }

    static final List<String> K8S_UNHARDENED = List.of("k8s-run-as-non-root", "k8s-read-only-root-filesystem",
            "k8s-no-privilege-escalation", "k8s-capabilities-not-dropped");

    static List<String> at(int line, List<String> rules) {
        return rules.stream().map(r -> r + ":" + line).toList();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void shouldReportExactlyTheExpectedFindingsPerFile() {
        assertThat(result.isError()).isFalse();
        assertThat(result.problems()).isEmpty();
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("distroless/java.Dockerfile", List.of("base-image-not-pinned:1", "base-image-not-pinned:7",
                "root-user:7", "no-healthcheck:7"));
        expected.put("docker-docs/heredoc-arg.Dockerfile", List.of("base-image-not-pinned:3"));
        expected.put("microservices-demo/frontend.Dockerfile", List.of("base-image-latest:7",
                "base-image-not-pinned:1", "root-user:7", "no-healthcheck:7", "secret-in-env-or-arg:13",
                "secret-in-env-or-arg:15"));
        expected.put("microservices-demo/frontend.yaml", concat(at(16, K8S_UNHARDENED),
                List.of("k8s-image-latest:16")));
        expected.put("k8s-docs/cronjob.yaml", at(12, concat(K8S_UNHARDENED, List.of("k8s-resource-limits"))));
        expected.put("k8s-docs/daemonset.yaml", at(16, concat(K8S_UNHARDENED, List.of("k8s-resource-limits"))));
        expected.put("k8s-docs/statefulset.yaml", at(30, concat(K8S_UNHARDENED, List.of("k8s-resource-limits"))));
        List<String> helm = new java.util.ArrayList<>();
        for (String r : concat(K8S_UNHARDENED, List.of("k8s-resource-limits"))) {
            helm.add(r + ":34");
            helm.add(r + ":55");
        }
        helm.add("k8s-image-latest:55");
        expected.put("helm/rendered.yaml", helm);
        // the hardened Pod of the Kubernetes docs (pinned digest, non-root, read-only, no escalation, caps dropped,
        // limits) has none
        Map<String, List<String>> actual = byFile();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((file, rules) -> assertThat(actual.get(file)).as(file)
                .containsExactlyInAnyOrderElementsOf(rules));
    }

    @Test
    void shouldExplainFindingsWithTheirSubject() {
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.tool()).isEqualTo(ContainerScanner.TOOL));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("k8s-resource-limits")
                && f.location().file().equals("k8s-docs/daemonset.yaml")).singleElement()
                .satisfies(f -> assertThat(f.title()).isEqualTo("DaemonSet/fluentd-elasticsearch container "
                        + "fluentd-elasticsearch has no cpu limit"));
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("secret-in-env-or-arg")).extracting(
                Finding::title).allSatisfy(t -> assertThat(t).contains("NEW_RELIC_API_KEY"));
    }
}
