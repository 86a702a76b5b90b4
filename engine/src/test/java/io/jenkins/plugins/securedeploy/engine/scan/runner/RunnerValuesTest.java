package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunnerValuesTest {
    @Test
    void shouldClassifyExitCodes() {
        ExitCodePolicy policy = new ExitCodePolicy(Set.of(0), Set.of(1, 5));
        assertThat(policy.classify(0)).isEqualTo(ExitCodePolicy.Verdict.CLEAN);
        assertThat(policy.classify(5)).isEqualTo(ExitCodePolicy.Verdict.FINDINGS);
        assertThat(policy.classify(2)).isEqualTo(ExitCodePolicy.Verdict.CRASHED);
        assertThat(policy.classify(-1)).isEqualTo(ExitCodePolicy.Verdict.CRASHED);
        assertThat(policy.describe()).isEqualTo("clean: [0], findings: [1, 5]");
        assertThat(ExitCodePolicy.zeroOnly().classify(1)).isEqualTo(ExitCodePolicy.Verdict.CRASHED);
        assertThatThrownBy(() -> new ExitCodePolicy(Set.of(0, 1), Set.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepHeadAndTailOfALongStream() {
        BoundedCapture capture = new BoundedCapture(4);
        byte[] data = "abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);
        capture.append(data, 0, 3);
        capture.append(data, 3, 13);

        CapturedOutput out = capture.snapshot();

        assertThat(out.head()).isEqualTo("abcd");
        assertThat(out.tail()).isEqualTo("mnop");
        assertThat(out.totalBytes()).isEqualTo(16);
        assertThat(out.omittedBytes()).isEqualTo(8);
        assertThat(out.text()).isEqualTo("abcd\n[... 8 bytes omitted ...]\nmnop");
    }

    @Test
    void shouldKeepAShortStreamWhole() {
        BoundedCapture capture = new BoundedCapture(4);
        capture.append("abcdef".getBytes(StandardCharsets.UTF_8), 0, 6);

        CapturedOutput out = capture.snapshot();

        assertThat(out.truncated()).isFalse();
        assertThat(out.text()).isEqualTo("abcdef");
    }

    @Test
    void shouldSanitizeASecretAcrossTheHeadTailSeam() {
        BoundedCapture capture = new BoundedCapture(4);
        capture.append("xxsecret".getBytes(StandardCharsets.UTF_8), 0, 8);
        ToolRun run = new ToolRun("t", "cmd", 0, Duration.ZERO, capture.snapshot(), CapturedOutput.EMPTY,
                ToolRun.Outcome.CLEAN, "");

        ToolRun masked = run.sanitized(s -> s.replace("secret", "****"));

        assertThat(masked.stdout().text()).as("head xxse + tail cret are one text").isEqualTo("xx****");
    }

    @Test
    void shouldQuoteArgumentsForDisplayOnly() {
        ToolSpec spec = ToolSpec.stdoutReport("x", "tool", List.of("-r", "my dir", "it's", "$(id)", "a=b"),
                ExitCodePolicy.zeroOnly(), Duration.ofSeconds(1));

        assertThat(spec.displayCommand()).isEqualTo("tool -r 'my dir' 'it'\\''s' '$(id)' a=b");
        assertThat(spec.command()).containsExactly("tool", "-r", "my dir", "it's", "$(id)", "a=b");
        assertThat(spec.reportOnStdout()).isTrue();
        assertThat(spec.withReportFile("r.json").report()).contains("r.json");
    }

    @Test
    void shouldRejectNonPositiveTimeouts() {
        assertThatThrownBy(() -> ToolSpec.stdoutReport("x", "tool", List.of(), ExitCodePolicy.zeroOnly(),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKnowTheDefaultCommands() {
        assertThat(DefaultToolSpecs.bandit(List.of("-r", "src"), Duration.ofMinutes(1)).command())
                .containsExactly("bandit", "-f", "json", "-q", "-r", "src");
        assertThat(DefaultToolSpecs.find("shellcheck", List.of("a.sh"), Duration.ofMinutes(1)).orElseThrow()
                .exitPolicy()).isEqualTo(ExitCodePolicy.zeroOr(1));
        assertThat(DefaultToolSpecs.find("semgrep", List.of(), Duration.ofMinutes(1))).isEmpty();
    }
}
