package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds what every secret scan with the default rules needs first on a spare thread, while a host does something
 * else (the CLI: while picocli builds the {@code secrets} command's model and parses its arguments): the default
 * rules' regular expressions ({@link SecretRules#defaults()}), the detector tables built from them once per JVM, and
 * the JCA SHA-256 provider the findings' fingerprints use (the first {@code MessageDigest.getInstance} of a JVM
 * initialises the providers). Without it, the main thread compiled the rules before the walk started and the first
 * worker built the tables before it read its first file, one after the other, while the second core was idle. A scan
 * that starts before the warm-up is done waits for the part it needs (the class initialisation locks), never builds
 * it twice. It computes nothing anyone reads and prints nothing; once per JVM.
 */
final class SecretsWarmer {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SecretsWarmer() {}

    /** Starts the warm-up on a daemon thread, once per JVM; returns at once. Whether this call started it. */
    static boolean start() {
        if (!STARTED.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(new Warm(), "secure-deploy-secrets-warm-up");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** The warm-up itself (on the calling thread). */
    static void warm() {
        SecretDetector.of(SecretRules.defaults());
        Redaction.warm();
    }

    /** A named class, not a lambda: it is in the AppCDS archive like the rest of a scan's classes. */
    private static final class Warm implements Runnable {
        @Override
        public void run() {
            warm();
        }
    }
}
