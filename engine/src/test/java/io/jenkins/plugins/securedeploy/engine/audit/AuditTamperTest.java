package io.jenkins.plugins.securedeploy.engine.audit;

import static io.jenkins.plugins.securedeploy.engine.audit.AuditLogTest.KEY;
import static io.jenkins.plugins.securedeploy.engine.audit.AuditLogTest.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.audit.AuditVerification.Status;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.testing.JcaTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10,000-entry log, checkpointed every 1,000, tampered one way per test: each is caught with the entry number. */
class AuditTamperTest {
    static final int ENTRIES = 10_000;

    @TempDir
    static Path fixture;

    static List<String> lines;
    static List<String> checkpoints;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeLog() throws Exception {
        Path file = fixture.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(file, AuditLogTest.options(1000))) {
            log.appendAll(events(1, ENTRIES));
        }
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        checkpoints = Files.readAllLines(fixture.resolve("audit.jsonl.checkpoints"), StandardCharsets.UTF_8);
    }

    AuditVerification verify(List<String> log, List<String> cps) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, log, StandardCharsets.UTF_8);
        Files.write(dir.resolve("audit.jsonl.checkpoints"), cps, StandardCharsets.UTF_8);
        return new AuditVerifier(List.of(KEY.check())).verify(file);
    }

    AuditVerification verify(List<String> log) throws Exception {
        return verify(log, checkpoints);
    }

    static List<String> copy() {
        return new ArrayList<>(lines);
    }

    static void assertTampered(AuditVerification v, long entry, String code) {
        assertThat(v.status()).isEqualTo(Status.TAMPERED);
        assertThat(v.firstBadEntry()).isEqualTo(entry);
        assertThat(v.problems().get(0).code()).isEqualTo(code);
        assertThat(v.isIntact()).isFalse();
    }

    @Test
    void shouldVerifyTheIntactLog() throws Exception {
        AuditVerification v = verify(lines);
        assertThat(v.status()).isEqualTo(Status.INTACT);
        assertThat(v.entries()).isEqualTo(ENTRIES);
        assertThat(v.checkpoints()).isEqualTo(10);
        assertThat(v.lastCheckpoint()).isEqualTo(ENTRIES);
        assertThat(v.unsignedTail()).isZero();
    }

    @Test
    void shouldNameAnEditedEntry() throws Exception {
        List<String> log = copy();
        log.set(4999, log.get(4999).replace("PASSED 5000", "FAILED 5000"));
        AuditVerification v = verify(log);
        assertTampered(v, 5000, "audit.edited");
        assertThat(v.headline()).isEqualTo("TAMPERED at entry 5000: audit.jsonl:5000: entry 5000 was changed: its "
                + "hash does not match its content [audit.edited]");
    }

    @Test
    void shouldNameTheNextEntryWhenAnEditRecomputesItsOwnHash() throws Exception {
        List<String> log = copy();
        log.set(5499, rehash(log.get(5499).replace("PASSED 5500", "FAILED 5500")));
        assertTampered(verify(log), 5501, "audit.chain");
    }

    @Test
    void shouldCatchARewrittenChainAtTheSignedCheckpoint() throws Exception {
        List<String> log = copy();
        log.set(4999, log.get(4999).replace("PASSED 5000", "FAILED 5000"));
        rechain(log, 4999);
        AuditVerification v = verify(log);
        assertTampered(v, 4001, "audit.rewritten");
        assertThat(v.problems().get(0).message()).isEqualTo("entries 4001..5000 were rewritten: the chain head at "
                + "entry 5000 differs from signed checkpoint 5");
        assertThat(AuditVerifier.chainOnly().verify(dir.resolve("audit.jsonl")).isIntact())
                .as("only the signed checkpoints catch a rewritten chain").isTrue();
    }

    @Test
    void shouldNameADeletedEntry() throws Exception {
        List<String> log = copy();
        log.remove(4999);
        AuditVerification v = verify(log);
        assertTampered(v, 5000, "audit.missing");
        assertThat(v.problems().get(0).message()).isEqualTo("entry 5000 is missing: line 5000 holds entry 5001 "
                + "(deleted or reordered)");
    }

    @Test
    void shouldNameAnInsertedEntry() throws Exception {
        List<String> log = copy();
        log.add(5000, log.get(4999));
        assertTampered(verify(log), 5001, "audit.out-of-order");
    }

    @Test
    void shouldNameReorderedEntries() throws Exception {
        List<String> log = copy();
        String a = log.get(4999);
        log.set(4999, log.get(5000));
        log.set(5000, a);
        assertTampered(verify(log), 5000, "audit.missing");
    }

    @Test
    void shouldNameTheFirstEntryRemovedByTruncation() throws Exception {
        AuditVerification v = verify(lines.subList(0, 9500));
        assertTampered(v, 9501, "audit.truncated");
        assertThat(v.problems().get(0).message()).isEqualTo("the log ends after entry 9500 but checkpoint 10 covers "
                + "10000 entries: entries 9501..10000 were removed");
        assertTampered(verify(lines.subList(0, 9000)), 9001, "audit.truncated");
    }

    @Test
    void shouldNameATornLastLine() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, lines.subList(0, 9999), StandardCharsets.UTF_8);
        Files.writeString(file, lines.get(9999).substring(0, 50), java.nio.file.StandardOpenOption.APPEND);
        Files.write(dir.resolve("audit.jsonl.checkpoints"), checkpoints, StandardCharsets.UTF_8);
        assertTampered(new AuditVerifier(List.of(KEY.check())).verify(file), 10000, "audit.torn");
    }

    @Test
    void shouldFailWhenACheckpointSignatureIsChanged() throws Exception {
        List<String> cps = new ArrayList<>(checkpoints);
        String line = cps.get(3);
        String sig = line.substring(line.indexOf("\"signature\":\"") + 13, line.length() - 2);
        byte[] raw = Base64.getDecoder().decode(sig);
        raw[raw.length - 1] ^= 1;
        cps.set(3, line.replace(sig, Base64.getEncoder().encodeToString(raw)));
        AuditVerification v = verify(lines, cps);
        assertTampered(v, 0, "audit.checkpoint-signature");
        assertThat(v.problems().get(0).describe()).isEqualTo("audit.jsonl.checkpoints:4: the signature of checkpoint "
                + "3 (entries 3000) does not verify with key " + KEY.keyId() + " [audit.checkpoint-signature]");
    }

    @Test
    void shouldFailWhenACheckpointHeadIsChangedEvenWithTheSignatureLeftAlone() throws Exception {
        List<String> cps = new ArrayList<>(checkpoints);
        cps.set(2, cps.get(2).replaceFirst("\"head\":\"sha256:.", "\"head\":\"sha256:f"));
        if (cps.get(2).equals(checkpoints.get(2))) {
            cps.set(2, cps.get(2).replaceFirst("\"head\":\"sha256:.", "\"head\":\"sha256:e"));
        }
        assertTampered(verify(lines, cps), 0, "audit.checkpoint-signature");
    }

    @Test
    void shouldFailOnAnUntrustedKeyARemovedCheckpointAndACutCheckpointFile() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.write(dir.resolve("audit.jsonl.checkpoints"), checkpoints, StandardCharsets.UTF_8);
        AuditVerification other = new AuditVerifier(List.of(JcaTestKeys.generate().check())).verify(file);
        assertTampered(other, 0, "audit.checkpoint-key");

        List<String> cps = new ArrayList<>(checkpoints);
        cps.remove(5);
        assertTampered(verify(lines, cps), 0, "audit.checkpoint-order");
        AuditVerification cut = verify(lines, checkpoints.subList(0, 10));
        assertTampered(cut, 10000, "audit.checkpoint-missing");
    }

    @Test
    void shouldReportAnUnreadableLogOrCheckpointFileAsAnError() throws Exception {
        AuditVerifier verifier = new AuditVerifier(List.of(KEY.check()));
        assertThat(verifier.verify(dir.resolve("none.jsonl")).headline())
                .isEqualTo("ERROR: none.jsonl.checkpoints: the checkpoint file does not exist "
                        + "[audit.checkpoints-missing]");
        Files.write(dir.resolve("x.jsonl.checkpoints"), checkpoints, StandardCharsets.UTF_8);
        assertThat(verifier.verify(dir.resolve("x.jsonl")).status()).isEqualTo(Status.ERROR);
        Files.writeString(dir.resolve("y.jsonl.checkpoints"), "not json\n");
        Files.write(dir.resolve("y.jsonl"), lines.subList(0, 3), StandardCharsets.UTF_8);
        assertThat(verifier.verify(dir.resolve("y.jsonl")).status()).isEqualTo(Status.TAMPERED);
    }

    @Test
    void shouldReportTheUnsignedTail() throws Exception {
        List<String> log = new ArrayList<>(lines);
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, log, StandardCharsets.UTF_8);
        Files.write(dir.resolve("audit.jsonl.checkpoints"), checkpoints, StandardCharsets.UTF_8);
        try (AuditLog l = AuditLog.open(file, AuditLogTest.options(1000))) {
            l.appendAll(events(ENTRIES + 1, 7));
        }
        AuditVerification v = new AuditVerifier(List.of(KEY.check())).verify(file);
        assertThat(v.isIntact()).isTrue();
        assertThat(v.unsignedTail()).isEqualTo(7);
        assertThat(v.headline()).endsWith("7 entries after it not yet signed");
    }

    /** The line with its hash recomputed over its (edited) prefix: what an attacker without the key can do. */
    static String rehash(String line) {
        String prefix = line.substring(0, line.length() - AuditEntryWriter.SUFFIX_LENGTH);
        Digest hash = io.jenkins.plugins.securedeploy.engine.core.Hashing.sha256(
                prefix.getBytes(StandardCharsets.UTF_8));
        return prefix + AuditEntryWriter.HASH_FIELD + hash.hex() + "\"}";
    }

    /** Rehashes every entry from {@code index} on, fixing each prev: a full rewrite of the chain. */
    static void rechain(List<String> log, int index) {
        String prev = null;
        for (int i = index; i < log.size(); i++) {
            String line = log.get(i);
            if (prev != null) {
                line = line.replaceFirst("\"prev\":\"sha256:[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            }
            line = rehash(line);
            log.set(i, line);
            prev = line.substring(line.length() - 73, line.length() - 2);
        }
    }
}
