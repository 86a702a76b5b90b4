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
        Path leaky = leakyFolder();
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
                {"secrets", "--threads", "2", leaky.toString()},
                {"secrets", "--threads", "2", "--json", leaky.toString()},
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
            Files.deleteIfExists(leaky.resolve("src/App.java"));
            Files.deleteIfExists(leaky.resolve("src"));
            Files.deleteIfExists(leaky.resolve("settings.env"));
            Files.deleteIfExists(leaky);
        }
    }

    /**
     * A temporary folder with secret-shaped lines of several rules (a PEM block, an AWS key ID, a token, a password),
     * so that the classes a scan loads only when it finds something are archived too. The values are put together
     * here, at run time: no secret-shaped string is in this source.
     */
    private static Path leakyFolder() throws IOException {
        Path dir = Files.createTempDirectory("cds-training-secrets");
        String key = "-----BEGIN RSA " + "PRIVATE KEY-----\n" + "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n".repeat(3)
                + "-----END RSA " + "PRIVATE KEY-----\n";
        String text = "aws_access_key_id = " + "AKIA" + "Z7QJ4MXH2K5WLRPD" + "\n"
                + "db_password = \"" + "Vq8#zL2r" + "Tn5$wX9k" + "\"\n"
                + "token: " + "ghp" + "_" + "x7K2mQ9vR4tL8wN3pZ6cB1dF5gH0jS2aE4uY" + "\n" + key;
        Files.writeString(dir.resolve("settings.env"), text, StandardCharsets.UTF_8);
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("App.java"), "class App { String url = \"https://example.org\"; }\n",
                StandardCharsets.UTF_8);
        return dir;
    }
}
