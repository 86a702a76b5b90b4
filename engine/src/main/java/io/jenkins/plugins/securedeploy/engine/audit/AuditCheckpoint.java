package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed statement "the log had {@code entries} entries and its head was {@code head}", written every
 * {@code interval} entries to the checkpoint file beside the log. The signature is over {@link #signedBytes()}.
 * A log shorter than its last checkpoint was truncated; a log whose chain head at a checkpoint differs was rewritten.
 */
public record AuditCheckpoint(long entries, int interval, Digest head, Instant at, String keyId, String algorithm,
        byte[] signature) {
    public AuditCheckpoint {
        if (entries < 1 || interval < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least one entry");
        }
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /** What is signed: a versioned, line-separated statement of entries, interval, head and time. */
    public static byte[] signedBytes(long entries, int interval, Digest head, Instant at) {
        return ("secure-deploy-audit-checkpoint/v1\nentries " + entries + "\ninterval " + interval + "\nhead " + head
                + "\nat " + at + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(entries, interval, head, at);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditCheckpoint c && entries == c.entries && interval == c.interval
                && head.equals(c.head) && at.equals(c.at) && keyId.equals(c.keyId) && algorithm.equals(c.algorithm)
                && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, interval, head, at, keyId, algorithm, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "AuditCheckpoint[" + entries + " entries, head " + head + ", key " + keyId + "]";
    }
}
