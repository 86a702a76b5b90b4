package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestWarmerTest {
    @TempDir
    Path temp;

    @Test
    void shouldFeedBothAlgorithmsUpToItsBudget() {
        assertThat(DigestWarmer.warm(() -> false)).isEqualTo(DigestWarmer.BUDGET_SLICES);
    }

    @Test
    void shouldStopAsSoonAsItIsToldTo() {
        AtomicInteger asked = new AtomicInteger();

        int fed = DigestWarmer.warm(() -> asked.incrementAndGet() > 3);

        assertThat(fed).isEqualTo(3);
    }

    @Test
    void shouldBeStoppedByTheFirstRealHash() throws Exception {
        DigestWarmer.start();
        DigestWarmer.start(); // once per JVM: no second thread, no failure

        Hashing.file(Files.writeString(temp.resolve("abc.txt"), "abc", StandardCharsets.UTF_8));

        assertThat(DigestWarmer.stopped()).isTrue();
    }
}
