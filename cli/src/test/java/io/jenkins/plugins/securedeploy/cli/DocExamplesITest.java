package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.testing.JcaTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the examples of docs/approvals.md and docs/audit.md as written: each {@code ```lang file=NAME} block is
 * written to a scratch directory, each {@code $ command} line of a {@code ```console} block runs there in a shell
 * (a new JVM per {@code secure-deploy} call, through the packaged jar) and must print exactly the lines below it
 * (times shown as they vary) and exit with the code its {@code # exit N} comment names (0 when none).
 */
class DocExamplesITest {
    static final Pattern FENCE = Pattern.compile("(?m)^```(\\w+)(?: file=(\\S+))?\\n(.*?)^```\\n", Pattern.DOTALL);
    static final Pattern EXIT = Pattern.compile("#\\s*exit (\\d+)\\s*$");
    static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z");

    @TempDir
    Path dir;

    static Path docs() {
        return Path.of(System.getProperty("secureDeploy.samples")).resolveSibling("docs");
    }

    @Test
    void shouldRunTheApprovalExamples() throws Exception {
        run(docs().resolve("approvals.md"));
    }

    @Test
    void shouldRunTheAuditExamples() throws Exception {
        writeAuditLog(dir);
        run(docs().resolve("audit.md"));
    }

    /** The log the audit page starts from: one deployment's story, a checkpoint every 5 entries. */
    static void writeAuditLog(Path dir) throws Exception {
        JcaTestKeys key = JcaTestKeys.generate();
        Files.writeString(dir.resolve("audit-key.pem"), key.publicKeyPem());
        Digest artifact = Digest.parse("sha256:" + "4104960512".repeat(6) + "abcd");
        Clock ticking = new Clock() {
            private Instant next = Instant.parse("2026-01-15T10:00:00Z");

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant now = next;
                next = next.plusSeconds(60);
                return now;
            }
        };
        AuditRef build = AuditRef.build("app/main#42");
        AuditRef approval = AuditRef.of(AuditRef.Kind.APPROVAL, "app#42/prod");
        try (AuditLog log = AuditLog.open(dir.resolve("audit.jsonl"), AuditLog.Options.signed(key, ticking, null)
                .withInterval(5))) {
            log.appendAll(List.of(
                    AuditEvent.of(AuditAction.SIGNATURE_VERIFIED, "system", "VERIFIED dsse", AuditRef.artifact(artifact),
                            build),
                    AuditEvent.of(AuditAction.WAIVER_APPLIED, "system", "id:CVE-2024-1 (owner alice, until 2026-03-31)",
                            AuditRef.of(AuditRef.Kind.WAIVER, "id:CVE-2024-1"), build),
                    AuditEvent.of(AuditAction.GATE_DECIDED, "system", "PASSED", AuditRef.artifact(artifact), build),
                    AuditEvent.of(AuditAction.APPROVAL_REQUESTED, "dave", "2 of [group:release], roles [security]",
                            approval, AuditRef.artifact(artifact)),
                    AuditEvent.of(AuditAction.APPROVAL_VOTE, "dave", "refused: separation of duties", approval),
                    AuditEvent.of(AuditAction.APPROVAL_VOTE, "alice", "approved: gate report checked", approval),
                    AuditEvent.of(AuditAction.APPROVAL_VOTE, "erin", "approved: security review done", approval),
                    AuditEvent.of(AuditAction.APPROVAL_DECIDED, "system", "APPROVED by alice, erin", approval,
                            AuditRef.artifact(artifact)),
                    AuditEvent.of(AuditAction.CREDENTIAL_ISSUED, "system", "aws sts, 15 minutes",
                            AuditRef.of(AuditRef.Kind.LEASE, "arn:aws:sts::123456789012:assumed-role/deploy/app-42"),
                            build),
                    AuditEvent.of(AuditAction.ARTIFACT_PROMOTED, "system", "to prod", AuditRef.artifact(artifact),
                            AuditRef.of(AuditRef.Kind.TARGET, "prod")),
                    AuditEvent.of(AuditAction.CREDENTIAL_REVOKED, "system", "aws sts",
                            AuditRef.of(AuditRef.Kind.LEASE, "arn:aws:sts::123456789012:assumed-role/deploy/app-42")),
                    AuditEvent.of(AuditAction.ROLLBACK, "bob", "error rate 4%", AuditRef.of(AuditRef.Kind.TARGET,
                            "prod"), build)));
        }
    }

    void run(Path page) throws Exception {
        Path bin = Files.createDirectories(dir.resolve(".bin"));
        Path launcher = bin.resolve("secure-deploy");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -jar '" + System.getProperty("secureDeploy.jar") + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        String markdown = Files.readString(page, StandardCharsets.UTF_8);
        Matcher m = FENCE.matcher(markdown);
        int commands = 0;
        while (m.find()) {
            if (m.group(2) != null) {
                Files.writeString(dir.resolve(m.group(2)), m.group(3), StandardCharsets.UTF_8);
            } else if ("console".equals(m.group(1))) {
                commands += console(page, m.group(3), bin);
            }
        }
        assertThat(commands).as("examples in " + page.getFileName()).isGreaterThan(3);
    }

    int console(Path page, String block, Path bin) throws Exception {
        List<String> lines = block.lines().toList();
        int commands = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("$ ")) {
                continue;
            }
            String command = lines.get(i).substring(2);
            List<String> expected = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ "); j++) {
                expected.add(lines.get(j));
            }
            Matcher exit = EXIT.matcher(command);
            int expectedExit = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("NO_COLOR", "1");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String where = page.getFileName() + ": $ " + command;
            assertThat(normalise(out)).as(where).isEqualTo(normalise(String.join("\n", expected)));
            assertThat(p.exitValue()).as(where + "\n" + out).isEqualTo(expectedExit);
            commands++;
        }
        return commands;
    }

    static String normalise(String text) {
        return TIME.matcher(text.strip()).replaceAll("<time>");
    }
}
