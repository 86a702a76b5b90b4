package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashing streams: hashing a 1 GiB file allocates about as much heap as hashing a 1 MiB file. */
class HashingITest {
    @TempDir
    Path temp;

    @Test
    void shouldHashAGibibyteWithHeapIndependentOfSize() throws Exception {
        Path small = sparseFile("small.bin", 1L << 20);
        Path big = sparseFile("big.bin", 1L << 30);
        Set<DigestAlgorithm> sha256 = Set.of(DigestAlgorithm.SHA256);
        Hashing.file(small, sha256); // warm up class loading and JIT paths

        long smallAllocated = allocatedDuring(() -> Hashing.file(small, sha256));
        long bigAllocated = allocatedDuring(() -> Hashing.file(big, sha256));

        // 1024x the data; allow a fixed 1 MiB of noise, not a factor
        assertThat(bigAllocated).isLessThan(smallAllocated + (1L << 20));
        // sha256 of 1 GiB of zero bytes (truncate -s 1G f && sha256sum f)
        assertThat(Hashing.file(big, sha256).sha256().hex())
                .isEqualTo("49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14");
    }

    private Path sparseFile(String name, long size) throws Exception {
        Path p = temp.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.setLength(size);
        }
        return p;
    }

    private static long allocatedDuring(Runnable r) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        r.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }
}
