package io.jenkins.plugins.securedeploy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.audit.AuditVerification.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any single-byte change anywhere in the log, and any truncation of it, is detected. */
class AuditTamperPropertiesTest {
    static Path dir;
    static byte[] log;
    static Path file;

    @BeforeContainer
    static void writeLog() throws IOException {
        dir = Files.createTempDirectory("audit-properties");
        file = dir.resolve("audit.jsonl");
        try (AuditLog l = AuditLog.open(file, AuditLogTest.options(10))) {
            l.appendAll(AuditLogTest.events(1, 30));
        }
        log = Files.readAllBytes(file);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static AuditVerification verify(byte[] content) throws IOException {
        Files.write(file, content);
        return new AuditVerifier(List.of(AuditLogTest.KEY.check())).verify(file);
    }

    @Property(tries = 250)
    void shouldDetectAnySingleByteChange(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
            @ForAll @IntRange(min = 1, max = 255) int delta) throws IOException {
        byte[] changed = log.clone();
        int at = where % changed.length;
        changed[at] = (byte) (changed[at] + delta);
        AuditVerification v = verify(changed);
        assertThat(v.status()).as("byte %d changed by %d", at, delta).isEqualTo(Status.TAMPERED);
        assertThat(v.firstBadEntry()).isBetween(1L, 30L);
    }

    @Property(tries = 60)
    void shouldDetectAnyTruncation(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where) throws IOException {
        int length = where % log.length;
        AuditVerification v = verify(java.util.Arrays.copyOf(log, length));
        assertThat(v.status()).as("cut to %d bytes", length).isEqualTo(Status.TAMPERED);
    }

    @Property(tries = 5)
    void shouldVerifyTheUntouchedLog(@ForAll boolean ignored) throws IOException {
        assertThat(verify(log).isIntact()).isTrue();
    }
}
