package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    @Test
    void shouldMapEveryVerdictFailClosed() {
        assertThat(ExitCode.of(Verdict.PASSED).code()).isZero();
        assertThat(ExitCode.of(Verdict.FAILED).code()).isEqualTo(1);
        assertThat(ExitCode.of(Verdict.ERROR).code()).isEqualTo(3);
        assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code)).containsExactly(0, 1, 2, 3);
    }
}
