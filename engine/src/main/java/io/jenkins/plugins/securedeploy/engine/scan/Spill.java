package io.jenkins.plugins.securedeploy.engine.scan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes a parser keeps for later: in memory up to a limit, then in a private temporary file, so heap stays bounded
 * whatever the report's size. Written once, then read once ({@link #read}); {@link #delete} frees memory and file.
 */
final class Spill extends OutputStream {
    private final int memoryBytes;
    private final String prefix;
    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;

    Spill(int memoryBytes, String prefix) {
        this.memoryBytes = memoryBytes;
        this.prefix = prefix;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && file == null && memory.size() + len > memoryBytes) {
            file = Files.createTempFile(prefix, ".tmp");
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(fileOut);
            memory.reset();
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
        }
    }

    /** Ends writing (the bytes stay until {@link #delete}). */
    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
    }

    /** What was written, from the start; the memory copy is handed over (read it once). */
    InputStream read() throws IOException {
        close();
        if (file == null) {
            InputStream in = new ByteArrayInputStream(memory.toByteArray());
            memory.reset();
            return in;
        }
        return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    /** Frees the memory and deletes the file. */
    void delete() throws IOException {
        memory.reset();
        close();
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }
}
