package io.jenkins.plugins.securedeploy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SarifIngestBenchmarkTest {
    @Test
    void shouldCompareLikeWithLike() throws IOException {
        SarifIngestBenchmark bench = new SarifIngestBenchmark();
        bench.sarif = SarifIngestBenchmark.generate(2 * 1024 * 1024);
        SarifIngestBenchmark.Throughput t = new SarifIngestBenchmark.Throughput();
        SarifIngestBenchmark.CpuTime cpu = new SarifIngestBenchmark.CpuTime();
        int streamed = bench.streamingSarifParser(t, cpu);
        assertThat(streamed).isGreaterThan(3000);
        assertThat(bench.jacksonTree(t, cpu)).isEqualTo(streamed);
        assertThat(bench.jacksonTokensOnly(t, cpu)).isGreaterThan(streamed);
        assertThat(cpu.parsedBytes).isEqualTo(3L * bench.sarif.length);
    }
}
