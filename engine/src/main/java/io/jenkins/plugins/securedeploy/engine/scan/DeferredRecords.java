package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.core.RecordInput;
import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import java.io.Closeable;
import java.io.IOException;

/**
 * What a parser has already read of elements it cannot turn into findings yet (a SARIF run may list its rules after
 * its results), kept as compact binary records — the parser's own reading of each element, not the element's JSON —
 * in memory up to {@link DeferredElementsReader#MEMORY_BYTES}, then in a private temporary file, and replayed in order
 * once the context is known: no second encoding or parse of the report's text, and heap stays bounded whatever the
 * report's size. The parser writes and reads its records (it owns their layout).
 */
public final class DeferredRecords implements Closeable {
    private final Spill spill = new Spill(DeferredElementsReader.MEMORY_BYTES, "secure-deploy-deferred");
    private RecordOutput out;
    private long count;

    /** How many records are held. */
    public long size() {
        return count;
    }

    /** Where to write the next record (exactly one, whole). */
    public RecordOutput add() {
        if (out == null) {
            out = new RecordOutput(spill);
        }
        count++;
        return out;
    }

    /** Reads one record; it must read exactly what was written for it. */
    @FunctionalInterface
    public interface Replay {
        void record(RecordInput in, long index) throws IOException;
    }

    /** Replays every record in order, then frees them. */
    public void replay(Replay handler) throws IOException {
        if (out == null) {
            return;
        }
        out.close();
        out = null;
        try (RecordInput in = new RecordInput(spill.read())) {
            for (long i = 0; i < count; i++) {
                handler.record(in, i);
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        count = 0;
        spill.delete();
    }
}
