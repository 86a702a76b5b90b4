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
        return job("f", 0, released);
    }

    private static FileJob job(String path, long size, AtomicInteger released) {
        return new FileJob(path, size, new TreeSource.Opener() {
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

    /** Files in the smaller first batches (1, 2, 4 ... up to a full one): the batch after them is a full one. */
    private static int rampFiles() {
        int files = 0;
        for (int size = 1; size < ScanWorkers.BATCH_FILES; size *= 2) {
            files += size;
        }
        return files;
    }

    @Test
    void shouldHandOverTheFirstFileAloneSoAWorkerStartsOnItAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch third = new java.util.concurrent.CountDownLatch(1);
        boolean firstRan;
        boolean thirdRan;
        try (ScanWorkers workers = new ScanWorkers(2, () -> job -> {
            if (job.path.equals("f0")) {
                first.countDown();
            } else if (job.path.equals("f2")) {
                third.countDown();
            }
        })) {
            workers.submit(job("f0", 1, new AtomicInteger()));
            firstRan = first.await(20, java.util.concurrent.TimeUnit.SECONDS); // before a second file is walked
            workers.submit(job("f1", 1, new AtomicInteger()));
            workers.submit(job("f2", 1, new AtomicInteger())); // the second batch: two files
            thirdRan = third.await(20, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(firstRan).as("the first file handed over alone").isTrue();
        assertThat(thirdRan).as("the second batch handed over at two files").isTrue();
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

    @Test
    void shouldRunEveryJobOnceWhateverTheBatchBoundaries() {
        for (int count : new int[] {0, 1, ScanWorkers.BATCH_FILES - 1, ScanWorkers.BATCH_FILES,
            ScanWorkers.BATCH_FILES + 1, 3 * ScanWorkers.BATCH_FILES, ScanWorkers.QUEUE * 3 + 7}) {
            Set<String> ran = ConcurrentHashMap.newKeySet();
            AtomicInteger runs = new AtomicInteger();
            AtomicInteger released = new AtomicInteger();
            try (ScanWorkers workers = new ScanWorkers(2, () -> job -> {
                ran.add(job.path);
                runs.incrementAndGet();
            })) {
                for (int i = 0; i < count; i++) {
                    workers.submit(job("f" + i, 10, released));
                }
            }

            assertThat(runs).as("%d jobs", count).hasValue(count);
            assertThat(ran).as("%d jobs", count).hasSize(count);
            assertThat(released).as("no job skipped").hasValue(0);
        }
    }

    @Test
    void shouldHandOverABatchOnceItHoldsTheBatchBytes() throws Exception {
        // two files of BATCH_BYTES each are two batches: the second is scanned while the first still is
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        AtomicInteger together = new AtomicInteger();
        try (ScanWorkers workers = new ScanWorkers(2, () -> job -> {
            both.countDown();
            try {
                if (both.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    together.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            workers.submit(job("big1", ScanWorkers.BATCH_BYTES, new AtomicInteger()));
            workers.submit(job("big2", ScanWorkers.BATCH_BYTES, new AtomicInteger()));
        }

        assertThat(together).hasValue(2);
    }

    @Test
    void shouldKeepSmallFilesOfOneBatchOnOneWorkerInOrder() {
        List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (ScanWorkers workers = new ScanWorkers(3, () -> job -> {
            if (job.path.startsWith("f")) {
                order.add(job.path);
                threads.add(Thread.currentThread().getName());
            }
        })) {
            for (int i = 0; i < rampFiles(); i++) {
                workers.submit(job("r" + i, 1, new AtomicInteger())); // the smaller first batches
            }
            for (int i = 0; i < ScanWorkers.BATCH_FILES - 1; i++) {
                workers.submit(job("f" + i, 1, new AtomicInteger()));
            }
        }

        assertThat(threads).as("one partial batch, handed over at close").hasSize(1);
        assertThat(order).containsExactly(java.util.stream.IntStream.range(0, ScanWorkers.BATCH_FILES - 1)
                .mapToObj(i -> "f" + i).toArray(String[]::new));
    }

    @Test
    void shouldSkipTheRestOfTheBatchAndEveryLaterJobWhenAWorkerFailsMidBatch() {
        int total = rampFiles() + 5 * ScanWorkers.BATCH_FILES + 3;
        IllegalStateException bug = new IllegalStateException("detector bug");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger released = new AtomicInteger();
        ScanWorkers workers = new ScanWorkers(2, () -> job -> {
            if (job.path.equals("f5")) {
                throw bug;
            }
            accepted.add(job.path);
        });
        for (int i = 0; i < rampFiles(); i++) {
            workers.submit(job("r" + i, 1, released)); // the smaller first batches: f0 begins a full one
        }
        for (int i = 0; i < total - rampFiles(); i++) {
            workers.submit(job("f" + i, 1, released));
        }

        assertThatThrownBy(workers::close).isSameAs(bug);
        assertThat(accepted).doesNotContain("f5").contains("f0", "f1", "f2", "f3", "f4")
                .noneMatch(p -> p.startsWith("f") && Integer.parseInt(p.substring(1)) > 5
                        && Integer.parseInt(p.substring(1)) < ScanWorkers.BATCH_FILES);
        assertThat(accepted.size() + released.get()).as("every job run or released").isEqualTo(total - 1);
    }
}
