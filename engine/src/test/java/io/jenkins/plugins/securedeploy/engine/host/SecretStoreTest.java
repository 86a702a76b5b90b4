package io.jenkins.plugins.securedeploy.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.testing.FakeSecretStore;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Looking up every id of a step (maskSecrets) without ever echoing an id (issue 11 E). */
class SecretStoreTest {
    @Test
    void shouldReturnEverySecretInOrder() {
        FakeSecretStore store = new FakeSecretStore().with("a", "alpha-value").with("b", "beta-value");
        assertThat(store.requireAll(List.of("b", "a"), "maskSecrets secrets"))
                .extracting(v -> v.length()).containsExactly(10, 11);
    }

    @Test
    void shouldNameAMissingIdByItsPositionNeverByItsText() {
        SecretCanary canary = SecretCanary.create();
        FakeSecretStore store = new FakeSecretStore().with("deploy-token", "s3cr3t-value");
        // a secret pasted into the id field by mistake
        List<String> ids = List.of("deploy-token", canary.value(), "");

        assertThatThrownBy(() -> store.requireAll(ids, "maskSecrets secrets"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::code)
                            .containsExactly("secret.not-found", "secret.not-found");
                    assertThat(e.getMessage()).contains("credentials #2 of 3 not found")
                            .contains("credentials #3 of 3 not found").contains("maskSecrets secrets at /1");
                    canary.assertAbsent("exception message", e.getMessage());
                    e.problems().forEach(p -> canary.assertAbsent("problem", p.describe()));
                });
    }

    @Test
    void shouldReportAStoresRefusalByPosition() {
        SecretStore refusing = id -> {
            throw new SecurityViolationException("the credentials hold an empty secret, which cannot be masked");
        };
        assertThatThrownBy(() -> refusing.requireAll(List.of("x"), "maskSecrets secrets"))
                .hasMessageContaining("credentials #1 of 1: the credentials hold an empty secret");
        SecretStore empty = id -> Optional.empty();
        assertThat(empty.requireAll(List.of(), "f")).isEmpty();
    }
}
