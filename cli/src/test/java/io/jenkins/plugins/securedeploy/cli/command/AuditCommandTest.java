package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.testing.JcaTestKeys;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    static final JcaTestKeys KEY = JcaTestKeys.generate();

    @TempDir
    Path dir;

    Path log;
    Path key;

    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("audit.jsonl");
        key = dir.resolve("audit-key.pem");
        Files.writeString(key, KEY.publicKeyPem());
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            events.add(AuditEvent.of(AuditAction.GATE_DECIDED, "alice", "PASSED " + i,
                    AuditRef.artifact(Hashing.sha256(new byte[] {(byte) i})), AuditRef.build("app#" + i)));
        }
        try (AuditLog l = AuditLog.open(log, AuditLog.Options.signed(KEY, TestClocks.fixed(), null)
                .withInterval(10))) {
            l.appendAll(events);
        }
    }

    CliRun verify(String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "verify", "--log", log.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void shouldPassAnIntactLogWithTheTrustedKey() {
        CliRun ok = verify("--public-key", key.toString());
        assertThat(ok.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(ok.out()).isEqualTo("INTACT: 25 entries, 2 signed checkpoint(s) verified (last at entry 20), 5 "
                + "entries after it not yet signed" + System.lineSeparator());
        CliRun json = verify("--public-key", key.toString(), "--json");
        assertThat(json.out()).contains("\"status\" : \"INTACT\"").contains("\"unsignedTail\" : 5");
    }

    @Test
    void shouldNameTheTamperedEntryAndExitOne() throws Exception {
        List<String> lines = Files.readAllLines(log);
        lines.set(6, lines.get(6).replace("PASSED 7", "FAILED 7"));
        Files.write(log, lines);
        CliRun bad = verify("--public-key", key.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(bad.out()).startsWith("TAMPERED at entry 7: audit.jsonl:7: entry 7 was changed");
        assertThat(verify("--chain-only").exitCode()).isEqualTo(ExitCode.GATE_FAILED);
    }

    @Test
    void shouldCatchTruncationOnlyWithTheCheckpoints() throws Exception {
        Files.write(log, Files.readAllLines(log).subList(0, 15));
        assertThat(verify("--public-key", key.toString()).out()).contains("entries 16..20 were removed");
        CliRun chain = verify("--chain-only");
        assertThat(chain.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(chain.out()).contains("checkpoints NOT checked");
    }

    @Test
    void shouldRefuseAnotherKeyAndReportUnreadableFiles() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        Path other = dir.resolve("other.pem");
        Files.writeString(other, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        CliRun wrong = verify("--public-key", other.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(wrong.out()).contains("which is not trusted");
        assertThat(verify("--public-key", other.toString(), "--public-key", key.toString()).exitCode())
                .as("any trusted key may have signed").isEqualTo(ExitCode.PASS);

        Files.delete(dir.resolve("audit.jsonl.checkpoints"));
        CliRun missing = verify("--public-key", key.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(missing.out()).contains("the checkpoint file does not exist");

        Files.writeString(other, "not a key");
        CliRun notKey = verify("--public-key", other.toString());
        assertThat(notKey.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(notKey.err()).contains("not a PEM public key").doesNotContain("\tat ");
        Files.writeString(other, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThat(verify("--public-key", other.toString()).err()).contains("unsupported public key");
    }

    @Test
    void shouldRequireAKeyOrTheExplicitRelaxation() {
        CliRun none = verify();
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("--public-key").contains("--chain-only");
        assertThat(verify("--public-key", key.toString(), "--chain-only").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("audit").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void shouldShowEntriesAsRecorded() throws Exception {
        CliRun show = CliRun.of("audit", "show", "--log", log.toString(), "--from", "24");
        assertThat(show.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(show.out().lines().toList()).containsExactly(
                "#24 2026-01-15T10:00:00Z alice gate.decided artifact=" + Hashing.sha256(new byte[] {24})
                        + " build=app#24 \"PASSED 24\"",
                "#25 2026-01-15T10:00:00Z alice gate.decided artifact=" + Hashing.sha256(new byte[] {25})
                        + " build=app#25 \"PASSED 25\"");
        CliRun json = CliRun.of("audit", "show", "--log", log.toString(), "--limit", "1", "--json");
        assertThat(json.out()).contains("\"seq\" : 1,").contains("\"build\" : \"app#1\"")
                .contains("\"verified\" : false").doesNotContain("\"seq\" : 2");
        Files.writeString(log, "{broken\n", StandardCharsets.UTF_8);
        CliRun bad = CliRun.of("audit", "show", "--log", log.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(bad.err()).contains(log + ":1: not an audit entry");
    }
}
