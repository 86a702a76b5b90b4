package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCommandTest {
    private static final String SHA256_ABC = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA512_ABC = "sha512:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    @TempDir
    Path temp;

    @Test
    void shouldComputeOnlyTheAlgorithmsAskedFor() throws Exception {
        Path f = Files.writeString(temp.resolve("abc.txt"), "abc", StandardCharsets.UTF_8);

        CliRun only512 = CliRun.of("digest", "--algorithm", "SHA-512", f.toString());
        CliRun json = CliRun.of("digest", "--json", "--algorithm", "sha256", f.toString());
        CliRun both = CliRun.of("digest", f.toString());

        assertThat(only512.exitCode()).isZero();
        assertThat(only512.out()).contains(SHA512_ABC + "  " + f).doesNotContain("sha256:");
        assertThat(json.out()).contains("\"sha256\" : \"ba7816bf").doesNotContain("sha512");
        assertThat(both.out()).contains(SHA256_ABC + "  " + f).contains(SHA512_ABC + "  " + f);
    }

    @Test
    void shouldRefuseAWeakOrUnknownAlgorithmAsAUsageError() throws Exception {
        Path f = Files.writeString(temp.resolve("abc.txt"), "abc", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("digest", "--algorithm", "md5", f.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unsupported digest algorithm 'md5'; use sha256 or sha512");
    }
}
