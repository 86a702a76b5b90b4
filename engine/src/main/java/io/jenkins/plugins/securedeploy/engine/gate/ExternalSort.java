package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.RecordInput;
import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts any number of records in bounded memory: up to {@code chunk} records are held and sorted in memory; beyond
 * that each full chunk is written, sorted, as a run file under {@code dir}, and {@link #forEach} merges the runs (at
 * most {@value #FAN_IN} at a time, in passes when there are more). The order must be total (ties broken by an
 * arrival number), so the result is that of a stable sort. {@link #forEach} may be called again; {@link #close}
 * deletes the runs.
 */
final class ExternalSort<T> implements AutoCloseable {
    /** How a record is written to and read from a run. */
    interface Codec<T> {
        void write(RecordOutput out, T value) throws IOException;

        T read(RecordInput in) throws IOException;
    }

    /** Receives the records in order. */
    interface Visitor<T> {
        void visit(T value) throws IOException;
    }

    static final int FAN_IN = 64;

    private final Codec<T> codec;
    private final Comparator<T> order;
    private final int chunk;
    private final Path dir;
    private final String prefix;
    private final List<T> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private boolean sorted = true;
    private long size;
    private int made;

    ExternalSort(Codec<T> codec, Comparator<T> order, int chunk, Path dir, String prefix) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a chunk holds at least one record, got " + chunk);
        }
        this.codec = codec;
        this.order = order;
        this.chunk = chunk;
        this.dir = dir;
        this.prefix = prefix;
    }

    void add(T value) throws IOException {
        buffer.add(value);
        sorted = false;
        size++;
        if (buffer.size() >= chunk) {
            runs.add(write(buffer));
            buffer.clear();
        }
    }

    long size() {
        return size;
    }

    /** Every record added, in order. */
    void forEach(Visitor<T> visitor) throws IOException {
        if (!sorted) {
            buffer.sort(order);
            sorted = true;
        }
        if (runs.isEmpty()) {
            for (T value : buffer) {
                visitor.visit(value);
            }
            return;
        }
        if (!buffer.isEmpty()) {
            runs.add(writeSorted(buffer));
            buffer.clear();
        }
        while (runs.size() > FAN_IN) {
            List<Path> group = new ArrayList<>(runs.subList(0, FAN_IN));
            Path merged = newRun();
            try (RecordOutput out = output(merged)) {
                merge(group, v -> {
                    out.writeBoolean(true);
                    codec.write(out, v);
                });
                out.writeBoolean(false);
            }
            for (Path p : group) {
                Files.deleteIfExists(p);
            }
            runs.subList(0, FAN_IN).clear();
            runs.add(merged);
        }
        merge(runs, visitor);
    }

    private record Head<T>(T value, int run) {}

    private void merge(List<Path> group, Visitor<T> visitor) throws IOException {
        List<RecordInput> in = new ArrayList<>();
        try {
            PriorityQueue<Head<T>> heads = new PriorityQueue<>(group.size(),
                    Comparator.comparing((Head<T> h) -> h.value(), order).thenComparingInt(Head::run));
            for (int i = 0; i < group.size(); i++) {
                RecordInput d = new RecordInput(Files.newInputStream(group.get(i)));
                in.add(d);
                if (d.readBoolean()) {
                    heads.add(new Head<>(codec.read(d), i));
                }
            }
            while (!heads.isEmpty()) {
                Head<T> h = heads.poll();
                visitor.visit(h.value());
                RecordInput d = in.get(h.run());
                if (d.readBoolean()) {
                    heads.add(new Head<>(codec.read(d), h.run()));
                }
            }
        } finally {
            for (RecordInput d : in) {
                d.close();
            }
        }
    }

    private Path write(List<T> records) throws IOException {
        records.sort(order);
        return writeSorted(records);
    }

    private Path writeSorted(List<T> records) throws IOException {
        Path run = newRun();
        try (RecordOutput out = output(run)) {
            for (T value : records) {
                out.writeBoolean(true);
                codec.write(out, value);
            }
            out.writeBoolean(false);
        }
        return run;
    }

    private Path newRun() {
        return dir.resolve(prefix + "-" + (made++) + ".run");
    }

    private static RecordOutput output(Path file) throws IOException {
        return new RecordOutput(Files.newOutputStream(file));
    }

    @Override
    public void close() throws IOException {
        buffer.clear();
        for (Path p : runs) {
            Files.deleteIfExists(p);
        }
        runs.clear();
    }
}
