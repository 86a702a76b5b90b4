package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Worker threads that take file jobs from a bounded queue (the walk waits when they fall behind, so memory and open
 * folder handles stay bounded). Jobs are handed over in batches — up to {@value #BATCH_FILES} files or
 * {@value #BATCH_BYTES} bytes, whichever comes first, across folder boundaries — so that the walk and the workers
 * meet on the queue's lock once per batch rather than once per file (per file, the walk was woken by every take once
 * the queue was full: ~12,700 futex calls on a 22,000-file tree). The first batches are smaller — 1, 2, 4 … files,
 * doubling up to {@value #BATCH_FILES} — so that the workers start on the first file the walk finds instead of
 * waiting, idle, for the (still interpreted, slow) walk to gather 32 and 64 files (issue 21). With one thread the jobs run on the caller's thread,
 * in order. {@link #close()} hands over the last batch, waits for every job, then rethrows the first unexpected
 * failure of a worker; after a failure every job not yet run, the rest of the failing worker's batch included, is
 * skipped (its folder released).
 */
final class ScanWorkers implements AutoCloseable {
    /** Jobs waiting for a worker, at most (in whole batches, plus the one being filled). */
    static final int QUEUE = 256;
    /** Files in one batch, at most. */
    static final int BATCH_FILES = 32;
    /** Bytes of the files in one batch, at most (a batch is closed by the file that reaches it). */
    static final long BATCH_BYTES = 1 << 20;

    /** Tells a worker to stop (compared by identity: no batch is empty). */
    private static final List<FileJob> STOP = java.util.Collections.unmodifiableList(new ArrayList<>());

    private final Consumer<FileJob> inline;
    private final BlockingQueue<List<FileJob>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private List<FileJob> batch = new ArrayList<>(BATCH_FILES);
    private long batchBytes;
    /** Files the batch being filled holds at most: doubles from 1 with every batch handed over. */
    private int batchFiles = 1;
    private volatile Throwable failure;

    ScanWorkers(int count, Supplier<Consumer<FileJob>> workers) {
        if (count <= 1) {
            inline = workers.get();
            queue = null;
            return;
        }
        inline = null;
        queue = new ArrayBlockingQueue<>(QUEUE / BATCH_FILES);
        for (int i = 0; i < count; i++) {
            // each worker is made on its own thread: what it builds (the detector's tables) overlaps the walk's start
            Thread t = new Thread(() -> work(workers), "secure-deploy-secrets-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void work(Supplier<Consumer<FileJob>> workers) {
        Consumer<FileJob> worker = null;
        try {
            worker = workers.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            for (List<FileJob> jobs = queue.take(); jobs != STOP; jobs = queue.take()) {
                run(worker, jobs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs one batch. A method of its own, not the body of {@link #work}'s loop: that loop runs once per thread (one
     * call, ~350 batches, ~11,000 files on a 22,000-file tree), below C1's back-edge threshold for an on-stack
     * compile, so all of it ran interpreted to the end; this method is called once per batch and compiled after the
     * first few hundred files (issue 21).
     */
    private void run(Consumer<FileJob> worker, List<FileJob> jobs) {
        for (int i = 0, n = jobs.size(); i < n; i++) {
            FileJob job = jobs.get(i);
            if (failure != null || worker == null) {
                job.skip();
                continue;
            }
            try {
                worker.accept(job);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }

    void submit(FileJob job) {
        if (inline != null) {
            inline.accept(job);
            return;
        }
        batch.add(job);
        batchBytes += job.size;
        if (batch.size() >= batchFiles || batchBytes >= BATCH_BYTES) {
            handOver();
        }
    }

    /** Puts the batch being filled on the queue (waiting while the queue is full). */
    private void handOver() {
        if (batch.isEmpty()) {
            return;
        }
        put(batch);
        batch = new ArrayList<>(BATCH_FILES);
        batchBytes = 0;
        batchFiles = Math.min(BATCH_FILES, batchFiles * 2);
    }

    private void put(List<FileJob> jobs) {
        try {
            queue.put(jobs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while scanning for secrets", e);
        }
    }

    @Override
    public void close() {
        InterruptedException interrupted = null;
        if (queue != null && !batch.isEmpty()) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                interrupted = e;
                batch.forEach(FileJob::skip);
            }
        }
        for (int i = 0; i < threads.size(); i++) {
            try {
                queue.put(STOP);
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }
        if (interrupted != null) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while scanning for secrets", interrupted);
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
