package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskedThrowableTest {
    private final SecretCanary canary = SecretCanary.create();
    private final SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(canary.value())));

    @Test
    void shouldMaskMessagesThroughTheCauseChainAndKeepStackTraces() {
        IOException root = new IOException("login failed for token " + canary.value());
        root.addSuppressed(new IllegalStateException("json was " + canary.forms().get("json")));
        RuntimeException top = new UncheckedIOException("deploy failed", root);

        Throwable masked = masker.maskThrowable(top);

        canary.assertAbsentFromThrowable(masked);
        assertThat(masked).isInstanceOf(MaskedThrowable.class).hasMessage("deploy failed");
        assertThat(masked.toString()).isEqualTo("java.io.UncheckedIOException: deploy failed");
        assertThat(masked.getStackTrace()).isEqualTo(top.getStackTrace());
        Throwable cause = masked.getCause();
        assertThat(cause).hasMessage("login failed for token ****");
        assertThat(((MaskedThrowable) cause).originalClassName()).isEqualTo("java.io.IOException");
        assertThat(cause.getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(cause.getSuppressed()).singleElement().hasToString("java.lang.IllegalStateException: json was ****");
    }

    @Test
    void shouldReturnTheOriginalWhenNoMessageHoldsASecret() {
        RuntimeException plain = new RuntimeException("fine", new IOException("also fine"));
        assertThat(masker.maskThrowable(plain)).isSameAs(plain);
        assertThat(masker.maskThrowable(null)).isNull();
    }

    @Test
    void shouldMaskASecretThatOnlyAppearsInACustomToString() {
        Exception custom = new Exception("generic") {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return "Custom[" + canary.value() + "]";
            }
        };
        Throwable masked = masker.maskThrowable(custom);
        canary.assertAbsentFromThrowable(masked);
        assertThat(masked.getMessage()).isEqualTo("Custom[****]");
    }
}
