package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The spinner shows after a second of work on an interactive terminal, erases itself, and never shows otherwise. */
class ProgressTest {
    @Test
    void shouldSpinAfterASecondAndEraseItself() throws Exception {
        StringWriter err = new StringWriter();
        try (Progress ignored = Progress.start(new PrintWriter(err, true), "gating", true)) {
            Thread.sleep(1400);
        }
        assertThat(err.toString()).contains("gating...").endsWith("\r");
        String afterClose = err.toString();
        Thread.sleep(300);
        assertThat(err.toString()).as("nothing after close").isEqualTo(afterClose);
    }

    @Test
    void shouldStayQuietForShortWorkAndWhenNotInteractive() throws Exception {
        StringWriter quick = new StringWriter();
        try (Progress ignored = Progress.start(new PrintWriter(quick, true), "reading reports", true)) {
            Thread.sleep(100);
        }
        assertThat(quick.toString()).isEmpty();

        StringWriter piped = new StringWriter();
        try (Progress ignored = Progress.start(new PrintWriter(piped, true), "reading reports", false)) {
            Thread.sleep(1300);
        }
        assertThat(piped.toString()).isEmpty();
    }
}
