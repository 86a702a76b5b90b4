package io.jenkins.plugins.securedeploy.engine.mask;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The one copy loop that masks a stream into another, for the CLI's pipe and for {@link FileMasker}: reads into one
 * reused 1 MiB heap buffer, masks it in place of the stream's bytes and writes through a 1 MiB output buffer, so a
 * gigabyte costs a thousand reads and writes and no allocation per line or per chunk. As a pipe
 * ({@code flushEachRead}) everything that can no longer be part of a secret is passed on after each read, so a
 * log line reaches the reader as soon as it arrives.
 */
public final class MaskingCopy {
    /** Read and write buffer size. */
    public static final int BUFFER = 1 << 20;

    private MaskingCopy() {}

    /**
     * Copies {@code in} to its end into {@code out}, masked, and closes {@code out}; returns how many regions were
     * masked.
     */
    public static long copy(SecretMasker masker, ReadableByteChannel in, OutputStream out, boolean flushEachRead)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        MaskingOutputStream masked = masker.wrap(new BufferedOutputStream(out, BUFFER));
        try (masked) {
            for (int n = in.read(wrapped); n >= 0; n = in.read(wrapped)) {
                if (n > 0) {
                    masked.write(buffer, 0, n);
                    if (flushEachRead) {
                        masked.flush();
                    }
                }
                wrapped.clear();
            }
        }
        return masked.maskCount();
    }
}
