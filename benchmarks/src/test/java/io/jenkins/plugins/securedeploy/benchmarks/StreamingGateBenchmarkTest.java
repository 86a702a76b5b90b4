package io.jenkins.plugins.securedeploy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StreamingGateBenchmarkTest {
    private static GateDecision[] run(String shape) throws IOException {
        StreamingGateBenchmark bench = new StreamingGateBenchmark();
        bench.shape = shape;
        bench.targetBytes = 3 * 1000 * 1000;
        bench.generate();
        try {
            StreamingGateBenchmark.Throughput t = new StreamingGateBenchmark.Throughput();
            StreamingGateBenchmark.CpuTime cpu = new StreamingGateBenchmark.CpuTime();
            GateDecision gated = bench.streamingIngestAndGate(t, cpu);
            GateDecision tallied = bench.ingestAndTallyOnly(t, cpu);
            GateDecision parsed = bench.parseAndTally(t, cpu);
            assertThat(parsed.totals()).isEqualTo(tallied.totals());
            assertThat(parsed.reasons()).isEqualTo(tallied.reasons());
            int tokens = bench.tokensOnly(t, cpu);
            assertThat(tokens).isGreaterThan(10_000).isEqualTo(bench.tokensOnlyNoDuplicateCheck(t, cpu));
            assertThat(bench.baselineReadTree(t, cpu).path("runs").path(0).path("results").size())
                    .isGreaterThan(1000);
            StreamingGateBenchmark.GateOutput output = new StreamingGateBenchmark.GateOutput();
            output.gateOnce(bench);
            // the floor stores what the gate stored: its report folder, file by file, at the same sizes
            assertThat(output.files).containsKeys("gate/index.html", "gate/gate-report.json", "gate/baseline.json");
            assertThat(output.files.get("gate/gate-report.json")).isGreaterThan(output.chunk.length);
            assertThat(output.chunk).hasSize(256 * 1024);
            assertThat(bench.reportFloor(output, t, cpu)).isEqualTo(output.files.size());
            assertThat(cpu.parsedBytes).isEqualTo(7 * bench.size).isEqualTo(t.bytes);
            // the fork's CPU counts every thread, the benchmark thread's among them
            assertThat(cpu.cpuNanos).isPositive();
            assertThat(cpu.processCpuNanos).isGreaterThanOrEqualTo(cpu.cpuNanos);
            return new GateDecision[] {gated, tallied};
        } finally {
            bench.delete();
        }
    }

    @Test
    void shouldGateBothShapesOfTheSameLogAlike() throws IOException {
        GateDecision[] after = run("rulesAfterResults");
        GateDecision[] first = run("rulesFirst");
        // js/xss (6.1) is MEDIUM, js/sqli (8.8) HIGH, js/unused waived: high > 0 fails, whichever way it is read
        assertThat(after[0].reasons().toString()).contains("thresholds.total.high");
        for (GateDecision d : new GateDecision[] {after[1], first[0], first[1]}) {
            assertThat(d.verdict()).isEqualTo(after[0].verdict());
            assertThat(d.totals()).isEqualTo(after[0].totals());
            assertThat(d.reasons()).isEqualTo(after[0].reasons());
        }
    }
}
