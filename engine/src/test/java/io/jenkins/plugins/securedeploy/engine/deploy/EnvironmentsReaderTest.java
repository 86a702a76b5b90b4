package io.jenkins.plugins.securedeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentsReaderTest {
    private static final String POLICY = "version: 1\n"
            + "environments:\n"
            + "  staging:\n"
            + "    credentials: {provider: local, audience: deploy-staging}\n"
            + "  prod:\n"
            + "    requires: staging\n"
            + "    policy: .secure-deploy.prod.yml\n"
            + "    approval: {required: 1, approvers: [alice, 'group:release'], timeout: PT1H}\n"
            + "    credentials: {provider: local, audience: deploy-prod, variable: DEPLOY_TOKEN}\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadEachEnvironmentWithItsRequirementApprovalAndCredentials() {
        Map<String, Environment> envs = new EnvironmentsReader().read(bytes(POLICY), ".secure-deploy.yml");
        assertThat(envs.keySet()).containsExactly("staging", "prod");
        Environment prod = envs.get("prod");
        assertThat(prod.requires()).isEqualTo("staging");
        assertThat(prod.policy()).isEqualTo(".secure-deploy.prod.yml");
        assertThat(prod.approval().orElseThrow().required()).isEqualTo(1);
        assertThat(prod.approval().orElseThrow().timeout()).isEqualTo(Duration.ofHours(1));
        // secure defaults (separation of duties, a reason on every vote): the Jenkins step's "waiting for
        // approval" line and docs/pipelines.md show exactly this
        assertThat(prod.approval().orElseThrow().describe()).isEqualTo("1 of [alice, group:release], timeout PT1H");
        assertThat(prod.credentials().orElseThrow()).isEqualTo(new Environment.CredentialProfile("local",
                "deploy-prod", "DEPLOY_TOKEN"));
        assertThat(envs.get("staging").approval()).isEmpty();
        // the gate's policy reader accepts the same file
        assertThat(new PolicyReader().read(bytes(POLICY), ".secure-deploy.yml").source()).isEqualTo(".secure-deploy.yml");
    }

    @Test
    void shouldBeEmptyWithoutEnvironments() {
        assertThat(new EnvironmentsReader().read(bytes("version: 1\n"), "p.yml")).isEmpty();
    }

    @Test
    void shouldLocateEveryProblem() {
        String bad = "version: 1\n"
                + "environments:\n"
                + "  prod:\n"
                + "    requires: qa\n"
                + "    approvl: {}\n"
                + "    approval: {required: 0, approvers: [alice]}\n"
                + "    credentials: {provider: local}\n"
                + "  a: {requires: b}\n"
                + "  b: {requires: a}\n";
        assertThatThrownBy(() -> new EnvironmentsReader().read(bytes(bad), "p.yml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::describe)
                        .anySatisfy(m -> assertThat(m).contains("/environments/prod/requires").contains("'qa'"))
                        .anySatisfy(m -> assertThat(m).contains("unknown field 'approvl'"))
                        .anySatisfy(m -> assertThat(m).contains("/environments/prod/approval"))
                        .anySatisfy(m -> assertThat(m).contains("needs a provider and an audience"))
                        .anySatisfy(m -> assertThat(m).contains("loop")));
    }

    @Test
    void shouldGiveTheLocalProfileItsExchangeAndNoOtherProvider() {
        Environment.CredentialProfile local = new Environment.CredentialProfile("local", "deploy-prod", "");
        assertThat(local.isLocal()).isTrue();
        assertThat(local.localExchange().provider()).isEqualTo("local");
        assertThat(local.localExchange().tokenNeed().audience()).isEqualTo("deploy-prod");
        assertThat(local.localExchange().tokenNeed().lifetime()).isEqualTo(Duration.ofMinutes(5));
        Environment.CredentialProfile aws = new Environment.CredentialProfile("aws-prod", "sts.amazonaws.com", "");
        assertThat(aws.isLocal()).isFalse();
        assertThatThrownBy(aws::localExchange).isInstanceOf(IllegalStateException.class).hasMessageContaining("aws-prod");
    }
}
