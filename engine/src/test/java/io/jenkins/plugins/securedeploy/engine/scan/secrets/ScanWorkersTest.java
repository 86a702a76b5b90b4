package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ScanWorkersTest {
    /** A job whose opener counts its releases (a file job must release its folder exactly once, run or not). */
    private static FileJob job(AtomicInteger released) {
        return new FileJob("f", 0, new TreeSource.Opener() {
            @Override
            public ReadableByteChannel open() {
                throw new AssertionError("a skipped job is never opened");
            }

            @Override
            public void release() {
                released.incrementAndGet();
            }
        });
    }

    @Test
    void shouldBuildEachWorkerOnItsOwnThread() {
        Set<String> builtOn = ConcurrentHashMap.newKeySet();
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        AtomicInteger jobs = new AtomicInteger();
        try (ScanWorkers workers = new ScanWorkers(3, () -> {
            String builder = Thread.currentThread().getName();
            builtOn.add(builder);
            return job -> {
                assertThat(Thread.currentThread().getName()).isEqualTo(builder);
                ranOn.add(builder);
                jobs.incrementAndGet();
            };
        })) {
            for (int i = 0; i < 50; i++) {
                workers.submit(job(new AtomicInteger()));
            }
        }

        assertThat(jobs).hasValue(50);
        assertThat(builtOn).hasSize(3).allMatch(n -> n.startsWith("secure-deploy-secrets-"))
                .doesNotContain(Thread.currentThread().getName()).containsAll(ranOn);
    }

    @Test
    void shouldSkipEveryJobAndRethrowWhenAWorkerCannotBeBuilt() {
        AtomicInteger released = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("no detector");
        ScanWorkers workers = new ScanWorkers(2, () -> {
            throw broken;
        });
        for (int i = 0; i < 20; i++) {
            workers.submit(job(released));
        }

        assertThatThrownBy(workers::close).isSameAs(broken);
        assertThat(released).hasValue(20);
    }

    @Test
    void shouldRunJobsInOrderOnTheCallersThreadWithOneWorker() {
        String caller = Thread.currentThread().getName();
        List<String> threads = new java.util.ArrayList<>();
        Consumer<FileJob> worker = job -> threads.add(Thread.currentThread().getName());
        try (ScanWorkers workers = new ScanWorkers(1, () -> worker)) {
            workers.submit(job(new AtomicInteger()));
            workers.submit(job(new AtomicInteger()));
        }

        assertThat(threads).containsExactly(caller, caller);
    }
}
