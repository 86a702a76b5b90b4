package io.jenkins.plugins.securedeploy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RatioReportTest {
    private static JsonNode result(String secondary) throws IOException {
        byte[] json = ("{\"secondaryMetrics\":{" + secondary + "}}").getBytes(StandardCharsets.UTF_8);
        return Json.strict().readTree(new ByteArrayInputStream(json), "result.json");
    }

    @Test
    void shouldGiveMegabytesPerCpuSecondOfTheThreadAndOfTheWholeFork() throws IOException {
        JsonNode r = result("\"parsedBytes\":{\"score\":600000000},\"cpuNanos\":{\"score\":2000000000},"
                + "\"processCpuNanos\":{\"score\":3000000000}");
        assertThat(RatioReport.perCpuSecond(r, "cpuNanos")).isEqualTo("300.0");
        assertThat(RatioReport.perCpuSecond(r, "processCpuNanos")).isEqualTo("200.0");
    }

    @Test
    void shouldLeaveTheColumnEmptyWhenTheBenchmarkCountsNoCpuTime() throws IOException {
        JsonNode r = result("\"parsedBytes\":{\"score\":600000000}");
        assertThat(RatioReport.perCpuSecond(r, "processCpuNanos")).isEmpty();
        assertThat(RatioReport.perCpuSecond(result(""), "cpuNanos")).isEmpty();
    }

    @Test
    void shouldBoundTwoPartsByTheirCpuPerByteSummed() throws IOException {
        // 600 MB in 2 s (300 MB/s) then in 1 s (600 MB/s): 3 s for the 600 MB together, 200 MB/s
        JsonNode parse = result("\"parsedBytes\":{\"score\":600000000},\"cpuNanos\":{\"score\":2000000000},"
                + "\"processCpuNanos\":{\"score\":2000000000}");
        JsonNode store = result("\"parsedBytes\":{\"score\":600000000},\"cpuNanos\":{\"score\":500000000},"
                + "\"processCpuNanos\":{\"score\":1000000000}");
        JsonNode tokens = result("\"parsedBytes\":{\"score\":600000000},\"cpuNanos\":{\"score\":1000000000},"
                + "\"processCpuNanos\":{\"score\":1000000000}");
        assertThat(RatioReport.bound(parse, store, "processCpuNanos")).isEqualTo("200.0");
        assertThat(RatioReport.bound(parse, store, "cpuNanos")).isEqualTo("240.0");
        assertThat(RatioReport.share(parse, tokens)).isEqualTo("50.0 %");
        assertThat(RatioReport.boundShare(parse, store, tokens)).isEqualTo("33.3 %");
        // without the ceiling, or without counters, there is nothing to print
        assertThat(RatioReport.share(parse, null)).isEmpty();
        assertThat(RatioReport.share(result(""), tokens)).isEmpty();
        assertThat(RatioReport.bound(parse, result(""), "cpuNanos")).isEmpty();
    }
}
