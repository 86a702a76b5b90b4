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
}
