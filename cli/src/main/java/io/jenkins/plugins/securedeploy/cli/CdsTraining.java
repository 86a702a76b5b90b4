package io.jenkins.plugins.securedeploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the application class-data-sharing archive (AppCDS) that the build writes next to the jar
 * ({@code secure-deploy.jsa}): run once by the package phase under {@code -XX:ArchiveClassesAtExit}, it goes through
 * the everyday commands in one JVM — version, help, digest, secrets, ingest — so the classes they load are archived,
 * already parsed and verified, and the launcher's {@code -XX:SharedArchiveFile} maps them instead of loading them
 * from the jar. Writes nothing but a temporary report; prints nothing.
 */
public final class CdsTraining {
    private CdsTraining() {}

    /** {@code args[0]}: the samples folder (its {@code app} is scanned); {@code args[1]}: a file to hash. */
    public static void main(String[] args) throws IOException {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Path report = Files.createTempFile("cds-training", ".sarif");
        try {
            Files.writeString(report, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"training\","
                    + "\"rules\":[{\"id\":\"R1\"}]}},\"results\":[{\"ruleId\":\"R1\",\"level\":\"warning\","
                    + "\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
                    + "{\"uri\":\"a.py\"},\"region\":{\"startLine\":1}}}]}]}]}", StandardCharsets.UTF_8);
            String[][] runs = {
                {"--version"},
                {"--help"},
                {"digest", args[1]},
                {"digest", "--json", args[1]},
                {"secrets", Path.of(args[0], "app").toString()},
                {"secrets", "--json", Path.of(args[0], "app").toString()},
                {"ingest", report.toString()},
                {"ingest", "--json", report.toString()},
                {"mask", "--help"},
                {"gate", "--help"},
                {"sbom", "--help"},
                {"scan", "--help"},
            };
            for (String[] run : runs) {
                SecureDeployCli.run(quiet, quiet, run);
            }
        } finally {
            Files.deleteIfExists(report);
        }
    }
}
