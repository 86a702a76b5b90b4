package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every {@code secure-deploy} line of the examples block in docs/credentials.md; each must exit 0. */
class CredentialsDocExamplesTest {
    @TempDir
    Path dir;

    static List<String> examples() throws Exception {
        Path doc = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "credentials.md");
        if (!Files.exists(doc)) {
            doc = Path.of("..", "docs", "credentials.md");
        }
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int marker = lines.indexOf("<!-- examples: run by CredentialsDocExamplesTest -->");
        assertThat(marker).as("examples marker in " + doc).isNotNegative();
        assertThat(lines.get(marker + 1)).isEqualTo("```sh");
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = marker + 2; !lines.get(i).equals("```"); i++) {
            String l = lines.get(i).strip();
            current.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) : l).append(' ');
            if (!l.endsWith("\\")) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }

    /** Splits like a POSIX shell for the quoting the examples use: single quotes, double quotes with $VARS. */
    static List<String> split(String line, java.util.Map<String, String> vars) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                String inner = line.substring(i + 1, end);
                for (var v : vars.entrySet()) {
                    inner = inner.replace("$" + v.getKey(), v.getValue());
                }
                word.append(inner);
                i = end;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    @Test
    void shouldRunEveryDocumentedExample() throws Exception {
        try (LoopbackServer vault = new LoopbackServer()) {
            vault.on("POST", "/v1/auth/jwt/login", Reply.json(200, "{\"auth\":{\"client_token\":\"hvs.doc-token-"
                    + "0123456789\",\"lease_duration\":600}}"));
            vault.on("GET", "/v1/database/creds/app", Reply.json(200, "{\"lease_id\":\"database/creds/app/doc-1\","
                    + "\"lease_duration\":300,\"data\":{\"username\":\"v-app\",\"password\":\"doc-pass-0123456789\"}}"));
            vault.on("PUT", "/v1/sys/leases/revoke", Reply.empty(204));
            vault.on("POST", "/v1/auth/token/revoke-self", Reply.empty(204));
            var vars = java.util.Map.of("KEYS", dir.resolve("keys.json").toString(), "VAULT_ADDR",
                    vault.uri().toString(), "OUT", dir.toString());
            List<String> examples = examples();
            assertThat(examples).hasSize(6);
            for (String example : examples) {
                List<String> args = split(example, vars);
                assertThat(args.get(0)).isEqualTo("secure-deploy");
                CliRun run = CliRun.of(args.subList(1, args.size()).toArray(String[]::new));
                assertThat(run.exitCode()).as(example + "\n" + run.err()).isZero();
            }
            assertThat(vault.calls("PUT", "/v1/sys/leases/revoke")).hasSize(1);
            assertThat(Files.readString(dir.resolve("revocations.json"))).contains("REVOKED");
        }
    }
}
