package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * One test per message of issue 17: each names the file (or option) and the reason in plain words, with the right
 * exit code (2 usage, 3 error), no Java internals and no stack trace; with {@code --json} stdout is an error document.
 */
class CliMessagesTest {
    @TempDir
    Path dir;

    private static AbstractStringAssert<?> failsWith(int exitCode, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(exitCode);
        assertThat(run.err()).as("plain words, no Java internals").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("java.").startsWith("error: ");
        return assertThat(run.err());
    }

    private Path findings() throws Exception {
        return Files.writeString(dir.resolve("findings.json"), "{\"format\": \"secure-deploy-findings\", \"version\": 1,"
                + " \"results\": [{\"tool\": \"t\", \"findings\": []}]}", StandardCharsets.UTF_8);
    }

    @Test
    void shouldNameTheReportDirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "x", StandardCharsets.UTF_8);
        failsWith(ExitCode.ERROR, "gate", "--report-dir", file.toString(), findings().toString())
                .contains("cannot create report directory " + file, "a file with that name is in the way");
    }

    @Test
    void shouldSayWhyAFileCannotBeMaskedInPlace() throws Exception {
        Path secret = Files.writeString(dir.resolve("token"), SecretCanary.create().value(), StandardCharsets.UTF_8);
        failsWith(ExitCode.ERROR, "mask", "--secret-file", secret.toString(), "--in-place",
                dir.resolve("nosuch.log").toString())
                .contains(dir.resolve("nosuch.log").toString(), "cannot mask in place: it does not exist");
        failsWith(ExitCode.ERROR, "mask", "--secret-file", secret.toString(), "--in-place", dir.toString())
                .contains("cannot mask in place: it is a directory");
    }

    @Test
    void shouldSayWhyAFileCannotBeHashed() {
        failsWith(ExitCode.ERROR, "digest", dir.resolve("nosuch.bin").toString())
                .contains("cannot read " + dir.resolve("nosuch.bin") + " to hash it: it does not exist");
    }

    @Test
    void shouldSayAnSbomPathIsADirectory() {
        failsWith(ExitCode.ERROR, "sbom", "validate", dir.toString())
                .contains(dir.toString(), "is a directory, not a file");
    }

    @Test
    void shouldSayAPolicyPathIsADirectory() throws Exception {
        failsWith(ExitCode.ERROR, "gate", "--policy", dir.toString(), "--report-dir", dir.resolve("r").toString(),
                findings().toString()).contains(dir.toString(), "is a directory, not a policy file");
    }

    @Test
    void shouldExplainABadDateAsAUsageError() throws Exception {
        failsWith(ExitCode.USAGE, "gate", "--report-dir", dir.resolve("r").toString(), "--override-expires",
                "tomorrow", findings().toString())
                .contains("--override-expires", "'tomorrow' is not a date; use YYYY-MM-DD");
    }

    @Test
    void shouldAcceptTheSameDurationsEverywhere() {
        CliRun demo = CliRun.of("demo", "--tool-timeout", "90s", "--samples", dir.resolve("none").toString());
        assertThat(demo.exitCode()).as("90s is accepted; the missing samples fail: %s", demo.err())
                .isEqualTo(ExitCode.ERROR);
        assertThat(demo.err()).contains("sample project not found");
        for (String command : new String[] {"demo --tool-timeout", "scan --tool bandit --timeout"}) {
            String[] args = (command + " soon").split(" ");
            failsWith(ExitCode.USAGE, args).contains("'soon' is not a duration (use e.g. 90s, 10m, 1h)");
        }
    }

    @Test
    void shouldExplainABadSizeAsAUsageError() {
        failsWith(ExitCode.USAGE, "secrets", "--max-file-size", "-5", dir.toString())
                .contains("--max-file-size", "'-5' is not a size");
        assertThat(CliRun.of("secrets", "--max-file-size", "1k", dir.toString()).exitCode()).isZero();
    }

    @Test
    void shouldExplainAnUnknownFormatAsAUsageError() throws Exception {
        failsWith(ExitCode.USAGE, "ingest", "--format", "foo", findings().toString())
                .contains("unknown --format 'foo'", "supported:", "sarif");
    }

    @Test
    void shouldPrintAJsonErrorDocumentOnFailure() throws Exception {
        CliRun error = CliRun.of("digest", "--json", dir.resolve("nosuch.bin").toString());
        assertThat(error.exitCode()).isEqualTo(ExitCode.ERROR);
        JsonNode doc = Json.strict().mapper().readTree(error.out());
        assertThat(doc.path("format").asText()).isEqualTo("secure-deploy-error");
        assertThat(doc.path("exitCode").asInt()).isEqualTo(ExitCode.ERROR);
        assertThat(doc.path("message").asText()).contains("nosuch.bin", "it does not exist");

        CliRun usage = CliRun.of("ingest", "--json", "--format", "foo", findings().toString());
        JsonNode u = Json.strict().mapper().readTree(usage.out());
        assertThat(u.path("exitCode").asInt()).isEqualTo(ExitCode.USAGE);
        assertThat(u.path("kind").asText()).isEqualTo("usage");

        CliRun located = CliRun.of("gate", "--json", "--policy", Files.writeString(dir.resolve("p.yml"),
                "version: 1\ncolour: red\n").toString(), "--report-dir", dir.resolve("r").toString(),
                findings().toString());
        assertThat(located.exitCode()).isEqualTo(ExitCode.ERROR);
        JsonNode problem = Json.strict().mapper().readTree(located.out()).path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo(dir.resolve("p.yml").toString());
        assertThat(problem.path("pointer").asText()).isEqualTo("/colour");
        assertThat(problem.path("line").asInt()).isEqualTo(2);
    }

    @Test
    void shouldGateTheOutputOfSecretsJsonInsteadOfCallingItUnrecognised() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("conf.env"), "AWS_KEY=AKIA" + "IOSFODNN7EXAMPLF\n", StandardCharsets.UTF_8);
        CliRun secrets = CliRun.of("secrets", "--json", src.toString());
        Path json = Files.writeString(dir.resolve("secrets.json"), secrets.out(), StandardCharsets.UTF_8);
        CliRun gate = CliRun.of("gate", "--report-dir", dir.resolve("r").toString(), json.toString());
        assertThat(gate.exitCode()).as(gate.out()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(gate.out()).contains("categories.SECRET").doesNotContain("cannot recognise");
    }

    @Test
    void shouldKeepTheLineBreakAfterAMaskedPemKey() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + "MIIEvQ" + "IBADANBgkqhkiG9w0BAQEFAASC\n"
                + "-----END PRIVATE KEY-----\n";
        Path key = Files.writeString(dir.resolve("key.pem"), pem, StandardCharsets.UTF_8);
        Path log = Files.writeString(dir.resolve("build.log"), "key:\n" + pem + "next line\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("mask", "--secret-file", key.toString(), "--in-place", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).isEqualTo("key:\n****\nnext line\n");
    }

    @Test
    void shouldRefuseAShortSecretAsAUsageError() throws Exception {
        Path secret = Files.writeString(dir.resolve("pin"), "q!z", StandardCharsets.UTF_8);
        Path log = Files.writeString(dir.resolve("b.log"), "x\n", StandardCharsets.UTF_8);
        failsWith(ExitCode.USAGE, "mask", "--secret-file", secret.toString(), "--in-place", log.toString())
                .contains(secret.toString(), "3 chars", "shorter than the masking floor of 4", "--allow-short")
                .doesNotContain("q!z");
    }

    @Test
    void shouldTurnOutOfMemoryIntoAClearErrorNeverExitOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SecureDeployCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand("explode", new Explode());

        int code = SecureDeployCli.execute(cl, "explode", "--json");

        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("error: secure-deploy explode ran out of memory")
                .contains("SECURE_DEPLOY_JAVA_OPTS=-Xmx2g");
        assertThat(out.toString()).contains("\"exitCode\" : 3");
    }

    /** A command that runs out of heap. */
    @Command(name = "explode")
    static final class Explode implements Callable<Integer> {
        @CommandLine.Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }
}
