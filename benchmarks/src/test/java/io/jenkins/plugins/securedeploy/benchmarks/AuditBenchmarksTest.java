package io.jenkins.plugins.securedeploy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditBenchmarksTest {
    @Test
    void shouldVerifyTheWholeLogAndHashEveryLineOfIt() throws Exception {
        AuditVerifyBenchmark bench = new AuditVerifyBenchmark();
        bench.entries = 5000;
        bench.setUp();
        try {
            assertThat(bench.verify().entries()).isEqualTo(5000);
            assertThat(bench.verify().checkpoints()).isEqualTo(5);
            assertThat(bench.baselineSplitAndHashLines()).isBetween(5000, 10_000);
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void shouldAppendOneDurableEntryPerCallAfterTheExistingOnes() throws Exception {
        AuditAppendBenchmark bench = new AuditAppendBenchmark();
        bench.existing = 1000;
        bench.setUp();
        try {
            assertThat(bench.append().seq()).isEqualTo(1001);
            assertThat(bench.append().seq()).isEqualTo(1002);
            assertThat(bench.reopen()).isEqualTo(1002);
            assertThat(bench.append().seq()).isEqualTo(1003);
            long before = bench.baselineWriteAndForce();
            assertThat(bench.baselineWriteAndForce()).isEqualTo(before + bench.line.length);
        } finally {
            bench.tearDown();
        }
    }
}
