package io.jenkins.plugins.securedeploy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import io.jenkins.plugins.securedeploy.engine.testing.JcaTestKeys;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final JcaTestKeys KEY = JcaTestKeys.generate();

    @TempDir
    Path dir;

    static AuditLog.Options options(int interval) {
        return AuditLog.Options.signed(KEY, TestClocks.fixed(), SecretMasker.none()).withInterval(interval);
    }

    static AuditEvent event(int i) {
        return AuditEvent.of(AuditAction.GATE_DECIDED, "alice", "PASSED " + i,
                AuditRef.artifact(Hashing.sha256(("artifact " + i).getBytes(StandardCharsets.UTF_8))),
                AuditRef.build("job/app#" + i));
    }

    static List<AuditEvent> events(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(AuditLogTest::event).toList();
    }

    static AuditVerification verify(Path log) {
        return new AuditVerifier(List.of(KEY.check())).verify(log);
    }

    @Test
    void shouldChainNumberAndSignEveryIntervalAcrossReopening() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Digest head;
        try (AuditLog log = AuditLog.open(file, options(3))) {
            AuditEntry first = log.append(event(1));
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.prev()).isEqualTo(AuditEntryWriter.GENESIS);
            AuditEntry second = log.append(event(2));
            assertThat(second.prev()).isEqualTo(first.hash());
            assertThat(Files.readAllLines(file)).as("on disk before close").hasSize(2);
            log.appendAll(events(3, 2));
            assertThat(log.lastCheckpoint()).isEqualTo(3);
            head = log.head();
        }
        try (AuditLog log = AuditLog.open(file, options(3))) {
            assertThat(log.size()).isEqualTo(4);
            assertThat(log.head()).isEqualTo(head);
            assertThat(log.append(event(5)).prev()).isEqualTo(head);
            log.append(event(6));
        }
        AuditVerification v = verify(file);
        assertThat(v.headline()).isEqualTo("INTACT: 6 entries, 2 signed checkpoint(s) verified (last at entry 6), "
                + "0 entries after it not yet signed");
        List<String> checkpoints = Files.readAllLines(dir.resolve("audit.jsonl.checkpoints"));
        assertThat(checkpoints.get(0)).isEqualTo("{\"format\":\"secure-deploy-audit-checkpoints\",\"version\":1,"
                + "\"interval\":3}");
        assertThat(checkpoints.get(1)).startsWith("{\"entries\":3,\"interval\":3,\"head\":\"sha256:");
    }

    @Test
    void shouldWriteTheDocumentedLineFormat() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, options(1000))) {
            log.append(AuditEvent.of(AuditAction.APPROVAL_VOTE, "bob", "approved: \"tests green\"",
                    AuditRef.of(AuditRef.Kind.APPROVAL, "job/app#42/prod")));
        }
        String line = Files.readString(file);
        String prefix = "{\"seq\":1,\"at\":\"2026-01-15T10:00:00Z\",\"actor\":\"bob\",\"action\":\"approval.vote\","
                + "\"refs\":[{\"approval\":\"job/app#42/prod\"}],\"note\":\"approved: \\\"tests green\\\"\",\"prev\":"
                + "\"sha256:" + "0".repeat(64) + "\"";
        assertThat(line).isEqualTo(prefix + ",\"hash\":\"" + Hashing.sha256(prefix.getBytes(StandardCharsets.UTF_8))
                + "\"}\n");
        List<AuditEntry> read = new AuditEntryReader().read(file, "audit.jsonl", 1, 0);
        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.knownAction()).contains(AuditAction.APPROVAL_VOTE);
            assertThat(e.describe()).isEqualTo("#1 2026-01-15T10:00:00Z bob approval.vote approval=job/app#42/prod "
                    + "\"approved: \"tests green\"\"");
        });
    }

    @Test
    void shouldAllowOneWriterAtATime() {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, options(10))) {
            assertThatThrownBy(() -> AuditLog.open(file, options(10))).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("already open");
            log.append(event(1));
        }
        try (AuditLog again = AuditLog.open(file, options(10))) {
            assertThat(again.size()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseATornLastLineWithItsNumberAndRecoverOnlyWhenAsked() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, options(10))) {
            log.appendAll(events(1, 4));
        }
        byte[] fifth = new AuditEntryWriter().encode(5, TestClocks.NOW, event(5), AuditEntryWriter.GENESIS).line();
        Files.write(file, java.util.Arrays.copyOf(fifth, 40), java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> AuditLog.open(file, options(10))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("audit.jsonl:5: the last line (40 bytes) is incomplete");
        assertThat(verify(file).headline()).startsWith("TAMPERED at entry 5: audit.jsonl:5: the last line is "
                + "incomplete");

        try (AuditLog log = AuditLog.open(file, options(10).recoveringTornTail())) {
            AuditLog.Recovery r = log.recovery().orElseThrow();
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.bytes()).isEqualTo(40);
            assertThat(Files.readAllBytes(r.movedTo())).isEqualTo(java.util.Arrays.copyOf(fifth, 40));
            assertThat(log.size()).isEqualTo(5);
        }
        List<AuditEntry> entries = new AuditEntryReader().read(file, "audit.jsonl", 5, 0);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("log.recovered");
            assertThat(e.note()).isEqualTo("line 5 was incomplete (40 bytes, an interrupted write); moved to "
                    + "audit.jsonl.torn-5");
            assertThat(e.refs()).extracting(AuditRef::kind).containsExactly("fragment");
        });
        assertThat(verify(file).isIntact()).isTrue();
    }

    @Test
    void shouldRefuseToAppendAfterADamagedLastEntry() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, options(10))) {
            log.appendAll(events(1, 2));
        }
        String text = Files.readString(file);
        Files.writeString(file, text.replace("PASSED 2", "PASSED 3"));
        assertThatThrownBy(() -> AuditLog.open(file, options(10)))
                .hasMessageContaining("the last entry is damaged (its hash does not match its content)");
    }

    @Test
    void shouldWriteTheCheckpointACrashLeftOutAndRefuseOtherGaps() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Path cps = dir.resolve("audit.jsonl.checkpoints");
        try (AuditLog log = AuditLog.open(file, options(2))) {
            log.appendAll(events(1, 4));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(cps));
        assertThat(lines).hasSize(3);
        Files.write(cps, lines.subList(0, 2));
        try (AuditLog log = AuditLog.open(file, options(2))) {
            assertThat(log.lastCheckpoint()).as("repaired: the crash came between append and checkpoint")
                    .isEqualTo(4);
        }
        assertThat(verify(file).isIntact()).isTrue();

        Files.write(cps, Files.readAllLines(cps).subList(0, 1));
        assertThatThrownBy(() -> AuditLog.open(file, options(2))).hasMessageContaining("a checkpoint is missing");
        Files.write(cps, lines.subList(0, 1));
        Files.delete(cps);
        assertThatThrownBy(() -> AuditLog.open(file, options(2))).hasMessageContaining("checkpoint file of a "
                + "non-empty log is missing");
    }

    @Test
    void shouldRefuseALogShorterThanItsLastCheckpointAndAChangedInterval() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, options(2))) {
            log.appendAll(events(1, 4));
        }
        assertThatThrownBy(() -> AuditLog.open(file, options(3))).hasMessageContaining("every 2 entries");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 3));
        assertThatThrownBy(() -> AuditLog.open(file, options(2))).hasMessageContaining("the log was truncated");
        assertThatThrownBy(() -> AuditLog.open(file, AuditLog.Options.unsigned(TestClocks.fixed(), null)))
                .hasMessageContaining("open it with a signer");
    }

    @Test
    void shouldKeepAnUnsignedLogOnlyWhenAskedAndVerifyItChainOnly() {
        Path file = dir.resolve("plain.jsonl");
        try (AuditLog log = AuditLog.open(file, AuditLog.Options.unsigned(TestClocks.fixed(), null))) {
            log.appendAll(events(1, 3));
            assertThat(log.lastCheckpoint()).isZero();
            assertThat(Files.exists(log.checkpointFile())).isFalse();
        }
        assertThat(AuditVerifier.chainOnly().verify(file).headline()).isEqualTo("INTACT: 3 entries, chain only "
                + "(checkpoints NOT checked: truncation at the end cannot be detected)");
        assertThat(verify(file).status()).isEqualTo(AuditVerification.Status.ERROR);
    }

    @Test
    void shouldBreakAndRefuseFurtherAppendsWhenACheckpointCannotBeSigned() {
        Path file = dir.resolve("audit.jsonl");
        Signer failing = new Signer() {
            @Override
            public String keyId() {
                return KEY.keyId();
            }

            @Override
            public String algorithm() {
                return KEY.algorithm();
            }

            @Override
            public String publicKeyPem() {
                return KEY.publicKeyPem();
            }

            @Override
            public byte[] sign(byte[] message) {
                throw new IllegalStateException("HSM unreachable");
            }
        };
        try (AuditLog log = AuditLog.open(file, AuditLog.Options.signed(failing, TestClocks.fixed(), null)
                .withInterval(2))) {
            log.append(event(1));
            assertThatThrownBy(() -> log.append(event(2))).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("entry 2 of audit log audit.jsonl is written but its checkpoint could not "
                            + "be signed");
            assertThatThrownBy(() -> log.append(event(3))).hasMessageContaining("broken by an earlier write failure");
        }
        try (AuditLog log = AuditLog.open(file, options(2))) {
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.lastCheckpoint()).as("the missing checkpoint is signed on reopen").isEqualTo(2);
        }
        assertThat(verify(file).isIntact()).isTrue();
    }

    @Test
    void shouldNeverWriteAKnownSecretAnywhere() throws Exception {
        SecretCanary canary = SecretCanary.create();
        Path file = dir.resolve("audit.jsonl");
        String asId = canary.value().replaceAll("[^A-Za-z0-9]", "");
        SecretMasker idMasker = SecretMasker.of(List.of(SecretValue.of(canary.value()), SecretValue.of(asId)));
        try (AuditLog log = AuditLog.open(file, AuditLog.Options.signed(KEY, TestClocks.fixed(), idMasker)
                .withInterval(2))) {
            log.append(AuditEvent.of(AuditAction.CREDENTIAL_ISSUED, asId, "token " + canary.value() + " issued",
                    AuditRef.of(AuditRef.Kind.LEASE, "aws/creds/" + asId)));
            log.append(AuditEvent.of(AuditAction.OVERRIDE, "ops", "reason\nwith " + canary.value(),
                    AuditRef.build("job#1")));
        }
        canary.assertAbsentFromDirectory(dir);
        SecretCanary.of(asId).assertAbsentFromDirectory(dir);
        List<AuditEntry> entries = new AuditEntryReader().read(file, "audit.jsonl", 1, 0);
        assertThat(entries.get(0).actor()).isEqualTo(SecretMasker.MASK);
        assertThat(entries.get(0).refs()).containsExactly(new AuditRef("redacted", SecretMasker.MASK));
        assertThat(entries.get(1).note()).isEqualTo("reason with " + SecretMasker.MASK);
        assertThat(verify(file).isIntact()).isTrue();
    }

    @Test
    void shouldKeepReferencesToIdentifiersAndNotesToOneBoundedLine() {
        assertThatThrownBy(() -> AuditRef.build("job app")).hasMessageContaining("identifiers, not text");
        assertThatThrownBy(() -> AuditRef.of(AuditRef.Kind.ARTIFACT, "not-a-digest"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditRef.of(AuditRef.Kind.BUILD, Hashing.sha256(new byte[0])))
                .hasMessageContaining("identifiers, not digests");
        assertThatThrownBy(() -> new AuditRef("Build", "x")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> AuditEvent.of(AuditAction.ROLLBACK, "two words", "")).hasMessageContaining("actor");
        AuditEvent e = AuditEvent.of(AuditAction.ROLLBACK, "system", "a\r\nb" + "x".repeat(5000));
        assertThat(e.note()).startsWith("a  b").hasSize(AuditEvent.MAX_NOTE);
        assertThat(AuditAction.parse("no.such")).isEmpty();
        assertThat(AuditAction.parse("rollback")).contains(AuditAction.ROLLBACK);
    }
}
