package io.jenkins.plugins.securedeploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ExitCodePolicy;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolRun;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolRunner;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The scan runner's costs against baselines measured in the same run:
 * <ul>
 *   <li>{@code parseCheckov}/{@code parseBandit} (streaming, normalising, validating) vs {@code baselineReadTree}
 *       (Jackson reading the same ~4 MB report into a tree and nothing else);</li>
 *   <li>{@code runnerTrue} (ToolRunner: drain threads, bounded capture, exit policy) vs {@code baselineProcessTrue}
 *       (ProcessBuilder start + waitFor of the same {@code /bin/true}, output discarded).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScanRunnerBenchmark {
    private byte[] checkov;
    private byte[] bandit;
    private final ToolRunner runner = new ToolRunner();
    private final ToolSpec trueSpec = ToolSpec.stdoutReport("shellcheck", "/bin/true", List.of(),
            ExitCodePolicy.zeroOnly(), Duration.ofMinutes(1));
    private final Path cwd = Path.of("").toAbsolutePath();

    @Setup
    public void setUp() {
        StringBuilder c = new StringBuilder("[{\"check_type\":\"terraform\",\"results\":{\"failed_checks\":[");
        StringBuilder b = new StringBuilder("{\"errors\":[],\"generated_at\":\"2024-01-01T00:00:00Z\",\"metrics\":{},"
                + "\"results\":[");
        for (int i = 0; i < 5000; i++) {
            String sep = i == 0 ? "" : ",";
            c.append(sep).append("{\"check_id\":\"CKV_AWS_").append(i % 300).append("\",\"bc_check_id\":\"BC_AWS_")
                    .append(i).append("\",\"check_name\":\"Ensure the S3 bucket has access logging enabled\","
                            + "\"check_result\":{\"result\":\"FAILED\",\"evaluated_keys\":[\"logging\"]},\"file_path\":"
                            + "\"/modules/m").append(i % 97).append("/main.tf\",\"file_line_range\":[")
                    .append(i % 400 + 1).append(",").append(i % 400 + 9).append("],\"resource\":\"aws_s3_bucket.b")
                    .append(i).append("\",\"severity\":null,\"guideline\":\"https://docs.example/").append(i)
                    .append("\",\"details\":[],\"code_block\":null}");
            b.append(sep).append("{\"code\":\"").append(i).append(" subprocess.call(cmd, shell=True)\\n\",\"filename\":"
                    + "\"src/m").append(i % 97).append(".py\",\"issue_confidence\":\"HIGH\",\"issue_severity\":\"HIGH\","
                            + "\"issue_text\":\"subprocess call with shell=True identified, security issue.\","
                            + "\"line_number\":").append(i % 400 + 1).append(",\"line_range\":[1],\"more_info\":"
                            + "\"https://bandit.readthedocs.io/en/latest/plugins/b602.html\",\"test_id\":\"B602\","
                            + "\"test_name\":\"subprocess_popen_with_shell_equals_true\"}");
        }
        checkov = c.append("]}}]").toString().getBytes(StandardCharsets.UTF_8);
        bandit = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ScanResult parseCheckov() {
        return ScannerRegistry.standard().find("checkov").orElseThrow().createParser()
                .parse(new ByteArrayInputStream(checkov), "checkov.json");
    }

    @Benchmark
    public ScanResult parseBandit() {
        return ScannerRegistry.standard().find("bandit").orElseThrow().createParser()
                .parse(new ByteArrayInputStream(bandit), "bandit.json");
    }

    @Benchmark
    public JsonNode baselineReadTree() throws IOException {
        return Json.strict().mapper().readTree(checkov);
    }

    @Benchmark
    public ToolRun runnerTrue() {
        return runner.run(trueSpec, cwd);
    }

    @Benchmark
    public int baselineProcessTrue() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/true").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
