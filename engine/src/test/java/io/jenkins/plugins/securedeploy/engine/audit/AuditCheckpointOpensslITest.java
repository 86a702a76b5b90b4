package io.jenkins.plugins.securedeploy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint signatures are plain ECDSA over the documented bytes: openssl, not our code, verifies them. */
class AuditCheckpointOpensslITest {
    @TempDir
    Path dir;

    int openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void shouldHaveCheckpointSignaturesOpensslVerifies() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        try (AuditLog l = AuditLog.open(log, AuditLogTest.options(5))) {
            l.appendAll(AuditLogTest.events(1, 5));
        }
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl.checkpoints"));
        byte[] line = lines.get(1).getBytes(StandardCharsets.UTF_8);
        AuditCheckpoint cp = new AuditCheckpointReader().parse(line, 0, line.length, Location.ofFile("cp"));
        Files.write(dir.resolve("message.bin"), cp.signedBytes());
        Files.write(dir.resolve("message.sig"), cp.signature());
        Files.writeString(dir.resolve("key.pem"), AuditLogTest.KEY.publicKeyPem());
        assertThat(openssl("dgst", "-sha256", "-verify", "key.pem", "-signature", "message.sig", "message.bin"))
                .isZero();
        Files.writeString(dir.resolve("message.bin"), new String(cp.signedBytes(), StandardCharsets.UTF_8)
                .replace("entries 5", "entries 4"));
        assertThat(openssl("dgst", "-sha256", "-verify", "key.pem", "-signature", "message.sig", "message.bin"))
                .isNotZero();
    }
}
