package io.jenkins.plugins.securedeploy.engine.core;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Gets the digests ready on a spare thread while a host does something else first (the CLI: while picocli builds the
 * {@code digest} command's model and parses its arguments), so the first real hash waits for neither. It initialises
 * the JCA providers (the first {@link MessageDigest#getInstance} of a JVM: 15-30 ms, otherwise on the hashing thread
 * just before it starts) and feeds both algorithms short runs of zeros, in turn, so that JDK 17's multi-block compress
 * loop is profiled with both receivers and its loop exit, and queued for C2, before the file's first chunk arrives.
 * It stops at its budget or as soon as {@link Hashing#file} starts real work ({@link #stop()}), so it never competes
 * with a hash for a core; it computes nothing anyone reads. Once per JVM: meant for a process that hashes, not for a
 * long-lived host.
 */
public final class DigestWarmer {
    /**
     * Bytes per update: 8 SHA-512 blocks. Short calls count towards the loop's compile thresholds (invocations and
     * loop back-edges) per byte hashed faster than long ones, and until C2 has compiled the loop the hashing runs in
     * the interpreter or C1 at a small fraction of the intrinsic's rate.
     */
    static final int WARM_SLICE = 1024;
    /** Updates of each algorithm at most (128 KiB each): past the thresholds the launcher sets for the loop. */
    static final int BUDGET_SLICES = 128;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean stopped;

    private DigestWarmer() {}

    /** Starts the warm-up on a daemon thread, once per JVM; returns at once. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(new Warm(), "secure-deploy-digest-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Ends the warm-up (if any) at its next update, for good: real hashing is about to start. */
    static void stop() {
        stopped = true;
    }

    static boolean stopped() {
        return stopped;
    }

    /**
     * Feeds SHA-512 and SHA-256, in turn, {@link #WARM_SLICE} zeros at a time until {@code stop} says so or
     * {@link #BUDGET_SLICES} each; returns how many of each it fed.
     */
    static int warm(BooleanSupplier stop) {
        MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
        MessageDigest sha512 = DigestAlgorithm.SHA512.newMessageDigest();
        byte[] zeros = new byte[WARM_SLICE];
        int fed = 0;
        while (fed < BUDGET_SLICES && !stop.getAsBoolean()) {
            sha512.update(zeros);
            sha256.update(zeros);
            fed++;
        }
        return fed;
    }

    /** Named classes, not lambdas: nothing for the start-up to spin. */
    private static final class Warm implements Runnable {
        @Override
        public void run() {
            try {
                warm(new Stopped());
            } catch (EnvironmentException e) {
                stop(); // no such algorithm: the real hash reports it, with its context
            }
        }
    }

    private static final class Stopped implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return stopped;
        }
    }
}
