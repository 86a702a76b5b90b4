package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands written in parallel with the CLI conventions (attest, verify, oidc, creds exec, policy test, harden,
 * approve, audit, bundle create, verify-bundle) follow them: the shared options mixin, usage errors exit 2, errors 3 with the file and the reason in plain words
 * (never a Java exception name), and with {@code --json} an error document on stdout. One test per message, in the
 * manner of {@link CliMessagesTest}.
 */
class CommandConventionTest {
    static final String ISSUER = "https://ci.example.com/oidc";

    @TempDir
    Path dir;

    /** Runs the command; asserts the exit code and plain words on stderr; returns stderr to check further. */
    private static AbstractStringAssert<?> failsWith(int exitCode, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit code; stderr: %s; stdout: %s", run.err(), run.out()).isEqualTo(exitCode);
        plain(run.err());
        assertThat(run.err()).startsWith("error: ");
        return assertThat(run.err());
    }

    private static void plain(String text) {
        assertThat(text).as("plain words, no Java internals").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("java.").doesNotContain("internal error");
    }

    /** Runs the command with {@code --json} after the command words; returns its error document. */
    private static JsonNode errorDocument(int exitCode, int commandWords, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(commandWords, "--json");
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        JsonNode doc = Json.strict().mapper().readTree(run.out());
        assertThat(doc.path("format").asText()).isEqualTo("secure-deploy-error");
        assertThat(doc.path("exitCode").asInt()).isEqualTo(exitCode);
        assertThat(doc.path("kind").asText()).isEqualTo(exitCode == ExitCode.USAGE ? "usage" : "error");
        plain(doc.path("message").asText());
        return doc;
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String nosuch(String name) {
        return dir.resolve(name).toString();
    }

    // --- every command -------------------------------------------------------------------------------------------

    @Test
    void shouldGiveEveryCommandTheSharedOptions() {
        CommandLine root = SecureDeployCli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<String> without = new ArrayList<>();
        List<String> leaves = new ArrayList<>();
        collect(root, leaves, without);
        assertThat(leaves).as("runnable commands").contains("secure-deploy attest", "secure-deploy verify",
                "secure-deploy oidc token", "secure-deploy oidc jwks", "secure-deploy oidc discovery",
                "secure-deploy oidc rotate", "secure-deploy creds exec", "secure-deploy policy test",
                "secure-deploy harden", "secure-deploy approve", "secure-deploy approve request", "secure-deploy approve status",
                "secure-deploy audit verify", "secure-deploy audit show", "secure-deploy bundle create",
                "secure-deploy verify-bundle");
        assertThat(without).as("commands without the SharedOptions mixin (--json, --no-color); mask's stdout is the "
                + "masked stream itself").containsExactly("secure-deploy mask");
    }

    private static void collect(CommandLine cl, List<String> leaves, List<String> without) {
        String name = cl.getCommandSpec().qualifiedName();
        if (cl.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        if (cl.getSubcommands().isEmpty()) {
            leaves.add(name);
            boolean shared = cl.getCommandSpec().mixins().values().stream()
                    .anyMatch(m -> m.userObject() instanceof SharedOptions);
            if (!shared) {
                without.add(name);
            }
        } else if (cl.getCommand() instanceof io.jenkins.plugins.securedeploy.cli.command.ApproveCommand) {
            // the one command with subcommands that also runs itself (approve votes; audit and sbom print usage)
            leaves.add(name);
            if (cl.getCommandSpec().mixins().values().stream().noneMatch(m -> m.userObject() instanceof SharedOptions)) {
                without.add(name);
            }
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, leaves, without));
    }

    // --- attest --------------------------------------------------------------------------------------------------

    @Test
    void shouldNameAMissingPrivateKeyFile() throws Exception {
        Path artifact = file("app.bin", "x");
        String key = nosuch("signer.pem");
        failsWith(ExitCode.ERROR, "attest", "--artifact", artifact.toString(), "--key-file", key, "--out",
                nosuch("o.json")).contains(key + ": cannot read the private key (--key-file): it does not exist");
        failsWith(ExitCode.ERROR, "attest", "--artifact", artifact.toString(), "--key-file", dir.toString(), "--out",
                nosuch("o.json")).contains(dir + ": cannot read the private key (--key-file): it is a directory");
        JsonNode doc = errorDocument(ExitCode.ERROR, 1, "attest", "--artifact", artifact.toString(), "--key-file",
                key, "--out", nosuch("o.json"));
        assertThat(doc.at("/problems/0/file").asText()).isEqualTo(key);
        assertThat(doc.at("/problems/0/code").asText()).isEqualTo("file.unreadable");
    }

    @Test
    void shouldRefuseTwoKeySourcesAsAUsageError() throws Exception {
        Path artifact = file("app.bin", "x");
        failsWith(ExitCode.USAGE, "attest", "--artifact", artifact.toString(), "--key-file", "k.pem", "--key-env",
                "K", "--out", nosuch("o.json")).contains("give exactly one of --key-file or --key-env",
                "Try 'secure-deploy attest --help'");
        errorDocument(ExitCode.USAGE, 1, "attest", "--artifact", artifact.toString(), "--out", nosuch("o.json"));
    }

    @Test
    void shouldNameAMissingGateReportAndAnOutputThatCannotBeWritten() throws Exception {
        Path artifact = file("app.bin", "x");
        Path key = Files.write(dir.resolve("signer.pem"), SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"));
        String report = nosuch("gate-report.json");
        failsWith(ExitCode.ERROR, "attest", "--artifact", artifact.toString(), "--key-file", key.toString(),
                "--predicate", "scan", "--gate-report", report, "--out", nosuch("o.json"))
                .contains(report + ": cannot read the gate report (--gate-report): it does not exist");
        Path blocker = file("blocker", "a file where a folder should be");
        String out = blocker.resolve("app.intoto.json").toString();
        failsWith(ExitCode.ERROR, "attest", "--artifact", artifact.toString(), "--key-file", key.toString(), "--out",
                out).contains("cannot write the attestation (--out) " + out + ": a file with that name already exists");
        failsWith(ExitCode.ERROR, "attest", "--artifact", nosuch("nosuch.tar.gz"), "--key-file", key.toString(),
                "--out", nosuch("o.json")).contains("cannot read " + nosuch("nosuch.tar.gz")
                + " to hash it: it does not exist");
    }

    // --- verify --------------------------------------------------------------------------------------------------

    @Test
    void shouldNameEvidenceAndTrustMaterialThatCannotBeRead() throws Exception {
        Path evidence = file("app.intoto.json", "{}");
        String missing = nosuch("nosuch.json");
        failsWith(ExitCode.ERROR, "verify", missing).contains(missing + ": cannot read the evidence: it does not exist");
        failsWith(ExitCode.ERROR, "verify", dir.toString()).contains(dir + ": cannot read the evidence: it is a "
                + "directory");
        String[][] trust = {{"--key", "signer.pub", "trusted key (--key)"}, {"--keyring", "KEYS", "keyring (--keyring)"},
            {"--root", "root.pem", "trusted root certificate (--root)"},
            {"--trusted-root", "trusted_root.json", "trusted root (--trusted-root)"}};
        for (String[] t : trust) {
            String file = nosuch(t[1]);
            failsWith(ExitCode.ERROR, "verify", t[0], file, evidence.toString())
                    .contains(file + ": cannot read the " + t[2] + ": it does not exist [file.unreadable]");
            JsonNode doc = errorDocument(ExitCode.ERROR, 1, "verify", t[0], file, evidence.toString());
            assertThat(doc.at("/problems/0/file").asText()).isEqualTo(file);
        }
    }

    @Test
    void shouldSayWhyTheArtifactCannotBeRead() throws Exception {
        Path pin = file("app.sha256", "sha256:" + "a".repeat(64) + "\n");
        CliRun run = CliRun.of("verify", "--artifact", nosuch("app.tar.gz"), pin.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains(nosuch("app.tar.gz") + ": cannot read the artifact: it does not exist");
        plain(run.out());
    }

    @Test
    void shouldMakeOptionsThatDoNotGoTogetherUsageErrors() throws Exception {
        Path evidence = file("app.intoto.json", "{}");
        failsWith(ExitCode.USAGE, "verify", "--identity", "a@example.com", evidence.toString())
                .contains("--identity and --issuer go together", "Try 'secure-deploy verify --help'");
        failsWith(ExitCode.USAGE, "verify", "--digest", "md5:00", evidence.toString())
                .contains("--digest: unsupported digest algorithm; use sha256 or sha512");
        JsonNode doc = errorDocument(ExitCode.USAGE, 1, "verify", "--digest", "md5:00", evidence.toString());
        assertThat(doc.path("message").asText()).contains("--digest");
    }

    // --- oidc ----------------------------------------------------------------------------------------------------

    @Test
    void shouldNameAMissingKeysFileInsteadOfPublishingNoKeys() throws Exception {
        String keys = nosuch("keys.json");
        for (String sub : new String[] {"jwks", "discovery"}) {
            failsWith(ExitCode.ERROR, "oidc", sub, "--issuer", ISSUER, "--keys", keys)
                    .contains(keys + ": cannot read the issuer keys file (--keys): it does not exist (create it with: "
                            + "secure-deploy oidc rotate --issuer " + ISSUER + " --keys " + keys + ")");
        }
        failsWith(ExitCode.ERROR, "oidc", "token", "--issuer", ISSUER, "--keys", keys, "--audience", "x")
                .contains(keys + ": cannot read the issuer keys file (--keys): it does not exist");
        JsonNode doc = errorDocument(ExitCode.ERROR, 2, "oidc", "jwks", "--issuer", ISSUER, "--keys", keys);
        assertThat(doc.at("/problems/0/file").asText()).isEqualTo(keys);
        failsWith(ExitCode.ERROR, "oidc", "jwks", "--issuer", ISSUER, "--keys", dir.toString())
                .contains(dir + ": cannot read the issuer keys file (--keys): it is a directory");
        failsWith(ExitCode.ERROR, "oidc", "rotate", "--issuer", ISSUER, "--keys", dir.toString())
                .contains("cannot load the OIDC issuer keys (" + dir + "): it is a directory");
        Path garbled = file("garbled.json", "not json");
        failsWith(ExitCode.ERROR, "oidc", "jwks", "--issuer", ISSUER, "--keys", garbled.toString())
                .contains(garbled + ": the issuer key state is not a JSON object");
    }

    @Test
    void shouldMakeAMissingKeyStateAUsageError() throws Exception {
        failsWith(ExitCode.USAGE, "oidc", "jwks", "--issuer", ISSUER)
                .contains("give --keys FILE or --keys-env NAME", "Try 'secure-deploy oidc jwks --help'");
        failsWith(ExitCode.USAGE, "oidc", "rotate", "--issuer", ISSUER)
                .contains("give --keys FILE to keep the issuer's key state");
        errorDocument(ExitCode.USAGE, 2, "oidc", "rotate", "--issuer", ISSUER);
        failsWith(ExitCode.USAGE, "oidc", "rotate", "--issuer", ISSUER, "--keys", nosuch("k.json"), "--overlap", "soon")
                .contains("--overlap", "'soon' is not a duration (use e.g. 90s, 10m, 1h)");
    }

    @Test
    void shouldNeverReplaceADirectoryWithATokenFile() throws Exception {
        String keys = nosuch("keys.json");
        assertThat(CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys).exitCode()).isZero();
        Path folder = Files.createDirectories(dir.resolve("tokens"));
        failsWith(ExitCode.ERROR, "oidc", "token", "--issuer", ISSUER, "--keys", keys, "--audience", "x", "--out",
                folder.toString()).contains(folder + ": cannot write the token (--out) here: it is a directory");
        assertThat(folder).isDirectory();
        Path nested = dir.resolve("new/folder/token.jwt");
        CliRun made = CliRun.of("oidc", "token", "--issuer", ISSUER, "--keys", keys, "--audience", "x", "--out",
                nested.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(Files.readString(nested)).startsWith("eyJ");
    }

    @Test
    void shouldPrintJsonDocumentsWithJson() throws Exception {
        String keys = nosuch("keys.json");
        CliRun rotate = CliRun.of("oidc", "rotate", "--json", "--issuer", ISSUER, "--keys", keys);
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        JsonNode r = Json.strict().mapper().readTree(rotate.out());
        assertThat(r.path("changed").asBoolean()).isTrue();
        assertThat(r.path("events").get(0).asText()).startsWith("created ES256 signing key ");
        String kid = r.path("signingKey").asText();
        CliRun token = CliRun.of("oidc", "token", "--json", "--issuer", ISSUER, "--keys", keys, "--audience", "aud-1");
        JsonNode t = Json.strict().mapper().readTree(token.out());
        assertThat(t.path("token").asText()).startsWith("eyJ");
        assertThat(t.path("audience").asText()).isEqualTo("aud-1");
        assertThat(t.path("kid").asText()).isEqualTo(kid);
        CliRun jwks = CliRun.of("oidc", "jwks", "--json", "--issuer", ISSUER, "--keys", keys);
        assertThat(Json.strict().mapper().readTree(jwks.out()).at("/keys/0/kid").asText()).isEqualTo(kid);
    }

    // --- creds exec ----------------------------------------------------------------------------------------------

    private String[] exec(String keys, String... tail) {
        List<String> all = new ArrayList<>(List.of("creds", "exec", "--issuer", ISSUER, "--keys", keys));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private String keys() {
        String keys = nosuch("keys.json");
        assertThat(CliRun.of("oidc", "rotate", "--issuer", ISSUER, "--keys", keys).exitCode()).isZero();
        return keys;
    }

    @Test
    void shouldMakeAMissingProviderOptionAUsageError() throws Exception {
        String keys = keys();
        failsWith(ExitCode.USAGE, exec(keys, "--provider", "aws", "--region", "eu-west-1", "--", "true"))
                .contains("--provider aws needs --role-arn", "Try 'secure-deploy creds exec --help'");
        failsWith(ExitCode.USAGE, exec(keys, "--provider", "local", "--", "true"))
                .contains("--provider local needs --audience");
        failsWith(ExitCode.USAGE, exec(keys, "--provider", "local", "--audience", "a", "--read-timeout", "soon",
                "--", "true")).contains("'soon' is not a duration");
    }

    @Test
    void shouldPrintTheErrorDocumentWhenTheExchangeFailsAndNotRunTheCommand() throws Exception {
        String keys = keys();
        Path marker = dir.resolve("ran");
        try (LoopbackServer vault = new LoopbackServer()) {
            vault.on("POST", "/v1/auth/jwt/login", Reply.json(403, "{\"errors\":[\"permission denied\"]}"));
            JsonNode doc = errorDocument(ExitCode.ERROR, 2, exec(keys, "--provider", "vault", "--vault-addr",
                    vault.uri().toString(), "--vault-role", "deploy", "--vault-secret", "database/creds/app", "--",
                    "touch", marker.toString()));
            assertThat(doc.path("message").asText()).contains("refused: permission denied (HTTP 403)",
                    "nothing was issued, the command did not run");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void shouldPassTheCommandsOwnExitCodeAndOutputThroughWithJson() throws Exception {
        String keys = keys();
        CliRun run = CliRun.of(exec(keys, "--json", "--provider", "local", "--audience", "demo", "--", "sh", "-c",
                "echo '{\"own\": \"output\"}'; exit 42"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(42);
        assertThat(run.out()).isEqualTo("{\"own\": \"output\"}\n");
        CliRun usage = CliRun.of(exec(keys, "--provider", "local", "--audience", "demo", "--", "sh", "-c", "exit 2"));
        assertThat(usage.exitCode()).as("CMD's 2 is CMD's, not a usage error of ours").isEqualTo(2);
        assertThat(usage.err()).doesNotContain("error:");
    }

    @Test
    void shouldSayInPlainWordsThatTheCommandDoesNotExist() throws Exception {
        String keys = keys();
        CliRun run = CliRun.of(exec(keys, "--provider", "local", "--audience", "demo", "--", "no-such-command-4711"));
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        plain(run.err());
        assertThat(run.err()).as("the broker's lines, then the error").contains("minted an ID token")
                .endsWith("error: cannot start no-such-command-4711: no such command (not found on PATH, or the file "
                        + "does not exist)\n");
    }

    @Test
    void shouldRefuseARevocationsDirectoryBeforeIssuingAnything() throws Exception {
        String keys = keys();
        Path marker = dir.resolve("ran");
        failsWith(ExitCode.ERROR, exec(keys, "--provider", "local", "--audience", "demo", "--revocations",
                dir.toString(), "--", "touch", marker.toString()))
                .contains(dir + ": cannot write the revocation records (--revocations) here: it is a directory")
                .doesNotContain("minted");
        assertThat(marker).doesNotExist();
        Path proof = dir.resolve("proof/revocations.json");
        CliRun ok = CliRun.of(exec(keys, "--provider", "local", "--audience", "demo", "--revocations",
                proof.toString(), "--", "true"));
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Files.readString(proof)).contains("\"provider\" : \"local\"");
    }

    // --- bundle create, verify-bundle ----------------------------------------------------------------------------

    @Test
    void shouldNameTheBundlesInputsThatCannotBeReadAndMakeClashesUsageErrors() throws Exception {
        Path artifact = file("app.tar.gz", "x");
        Path key = Files.write(dir.resolve("signer.pem"), SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"));
        String missingKey = nosuch("nosuch.pem");
        failsWith(ExitCode.ERROR, "bundle", "create", "--artifact", artifact.toString(), "--key-file", missingKey,
                "--out", nosuch("b1")).contains(missingKey + ": cannot read the private key (--key-file): it does not "
                + "exist");
        String sbom = nosuch("sbom.cdx.json");
        failsWith(ExitCode.ERROR, "bundle", "create", "--artifact", artifact.toString(), "--key-file", key.toString(),
                "--sbom", sbom, "--out", nosuch("b2")).contains(sbom + ": cannot read the SBOM (--sbom): it does not "
                + "exist");
        failsWith(ExitCode.USAGE, "bundle", "create", "--artifact", artifact.toString(), "--out", nosuch("b3"))
                .contains("give exactly one of --key-file or --key-env", "Try 'secure-deploy bundle create --help'");
        JsonNode doc = errorDocument(ExitCode.USAGE, 2, "bundle", "create", "--artifact", artifact.toString(), "--out",
                nosuch("b4"));
        assertThat(doc.path("message").asText()).contains("--key-file");

        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        failsWith(ExitCode.USAGE, "verify-bundle", bundle.toString()).contains("give --key FILE or --keyid ID");
        errorDocument(ExitCode.USAGE, 1, "verify-bundle", bundle.toString());
        String pub = nosuch("system.pub");
        failsWith(ExitCode.ERROR, "verify-bundle", "--key", pub, bundle.toString())
                .contains(pub + ": cannot read the trusted key (--key): it does not exist");
    }

    // --- policy test ---------------------------------------------------------------------------------------------

    @Test
    void shouldNameThePolicyAndTheInputThatCannotBeRead() throws Exception {
        Path policy = file("p.yml", "version: 1\n");
        Path input = file("input.json", "{\"now\": \"2026-12-01T00:00:00Z\"}");
        String missing = nosuch("nosuch.yml");
        failsWith(ExitCode.ERROR, "policy", "test", "--policy", missing, "--input", input.toString())
                .contains(missing + ": policy file does not exist");
        failsWith(ExitCode.ERROR, "policy", "test", "--policy", policy.toString(), "--input", nosuch("in.json"))
                .contains(nosuch("in.json") + ": cannot read rule input: it does not exist");
        failsWith(ExitCode.ERROR, "policy", "test", "--policy", policy.toString(), "--input", dir.toString())
                .contains(dir + ": cannot read rule input: it is a directory");
        failsWith(ExitCode.ERROR, "policy", "test", "--policy", policy.toString(), "--floor", missing, "--input",
                input.toString()).contains(missing + ": policy file does not exist");
        JsonNode doc = errorDocument(ExitCode.ERROR, 2, "policy", "test", "--policy", policy.toString(), "--input",
                nosuch("in.json"));
        assertThat(doc.at("/problems/0/file").asText()).isEqualTo(nosuch("in.json"));
        CliRun ok = CliRun.of("policy", "test", "--json", "--no-color", "--policy", policy.toString(), "--input",
                input.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Json.strict().mapper().readTree(ok.out()).path("verdict").asText()).isEqualTo("PASSED");
    }

    // --- harden --------------------------------------------------------------------------------------------------

    @Test
    void shouldNameTheFolderTheRulesAndTheOutputOfHarden() throws Exception {
        failsWith(ExitCode.ERROR, "harden", nosuch("app")).contains(nosuch("app") + ": does not exist");
        Path file = file("Dockerfile", "FROM scratch\n");
        failsWith(ExitCode.ERROR, "harden", file.toString()).contains(file + ": is a file, not a directory");
        String rules = nosuch("rules.yml");
        failsWith(ExitCode.ERROR, "harden", "--rules", rules, dir.toString())
                .contains(rules + ": cannot read hardening rules: it does not exist");
        failsWith(ExitCode.ERROR, "harden", "--rules", dir.toString(), dir.toString())
                .contains(dir + ": cannot read hardening rules: it is a directory");
        Path blocker = file("blocker", "x");
        String out = blocker.resolve("hardening.json").toString();
        failsWith(ExitCode.ERROR, "harden", "--out", out, dir.toString())
                .contains("cannot write the findings document (--out) " + out);
        JsonNode doc = errorDocument(ExitCode.ERROR, 1, "harden", "--rules", rules, dir.toString());
        assertThat(doc.at("/problems/0/file").asText()).isEqualTo(rules);
    }

    @Test
    void shouldPrintTheFindingsDocumentWithJsonAsOutWritesIt() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM node:latest\nCMD node .\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("hardening.json");
        CliRun run = CliRun.of("harden", "--json", "--out", out.toString(), app.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode printed = Json.strict().mapper().readTree(run.out());
        assertThat(printed.path("format").asText()).isEqualTo("secure-deploy-findings");
        assertThat(printed.at("/results/0/findings")).isNotEmpty();
        assertThat(Json.strict().mapper().readTree(Files.readAllBytes(out))).isEqualTo(printed);
    }
}
