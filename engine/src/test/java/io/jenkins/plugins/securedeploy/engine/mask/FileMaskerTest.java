package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMaskerTest {
    @TempDir
    Path dir;

    private final SecretCanary canary = SecretCanary.create();
    private final FileMasker files = new FileMasker(SecretMasker.of(List.of(SecretValue.of(canary.value()))));

    @Test
    void shouldMaskEveryFormInAFileAndLeaveNoTemporaryFileBehind() throws IOException {
        Path report = dir.resolve("report.json");
        String b64 = Base64.getEncoder().encodeToString(("x" + canary.value()).getBytes(StandardCharsets.UTF_8));
        Files.writeString(report, "{\"token\":\"" + canary.forms().get("json") + "\",\"b\":\"" + b64 + "\"}\n"
                + "raw " + canary.value() + "\n".repeat(100_000) + canary.forms().get("url"));

        assertThat(files.maskInPlace(report)).isEqualTo(4);

        canary.assertAbsentFromDirectory(dir);
        assertThat(Files.readString(report)).startsWith("{\"token\":\"****\",\"b\":\"").endsWith("\n****");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(report);
        }
    }

    @Test
    void shouldLeaveAFileWithoutSecretsUntouched() throws IOException {
        Path log = dir.resolve("build.log");
        Files.writeString(log, "nothing secret\n");
        FileTime before = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(log, before);

        assertThat(files.maskInPlace(log)).isZero();

        assertThat(Files.getLastModifiedTime(log)).isEqualTo(before);
        assertThat(Files.readString(log)).isEqualTo("nothing secret\n");
    }

    @Test
    void shouldRefuseToFollowSymbolicLinks() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), canary.value());
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        assertThatThrownBy(() -> files.maskInPlace(link)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void shouldKeepTheFilePermissionsWhenItRewritesAFile() throws IOException {
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "token " + canary.value() + "\n");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> readable =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileAttributeView(report, java.nio.file.attribute.PosixFileAttributeView.class) != null,
                "POSIX file system");
        Files.setPosixFilePermissions(report, readable);

        assertThat(files.maskInPlace(report)).isEqualTo(1);

        assertThat(Files.readString(report)).isEqualTo("token ****\n");
        assertThat(Files.getPosixFilePermissions(report)).as("the temp file's 0600 must not replace 0644")
                .isEqualTo(readable);
    }
}
