package io.jenkins.plugins.securedeploy.engine.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifying a statement about a 2 GiB + 1 MiB artifact runs in a JVM with 48 MiB of heap: the subject is streamed. */
class SubjectStreamingITest {
    /** {@code truncate -s 2148532224 f && sha256sum f} (2^31 + 2^20 zero bytes). */
    static final String SHA256 = "f9c8466cdac8f598a9dbbe999b62b47c2745c7b7368cd6bfcee1b636368a9071";

    @TempDir
    Path temp;

    @Test
    void shouldVerifyAMultiGigabyteSubjectWithASmallHeap() throws Exception {
        Path big = temp.resolve("big.bin");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength((1L << 31) + (1L << 20));
        }
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = temp.resolve("probe.txt");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp", classpath,
                SubjectStreamingProbe.class.getName(), big.toString(), SHA256)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("probe finished").isTrue();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(SubjectStreamingProbe.PREFIX + "VERIFIED");
        long maxHeap = Long.parseLong(out.replaceAll("(?s).*maxHeap=(\\d+).*", "$1"));
        assertThat(maxHeap).isLessThan(64L << 20);
    }
}
