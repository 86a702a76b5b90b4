package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous run's findings by fingerprint. Comparing the current findings gives new / unchanged / fixed. Without a
 * baseline ({@link #NONE}) every finding is new, so "max new" limits stay in force (fail closed). A small baseline
 * is a map in memory; a large one ({@link BaselineReader#read(java.io.InputStream, String, int, java.nio.file.Path)})
 * is an on-disk index that lives until {@link #close()}: {@link #contains}, {@link #size}, {@link #fingerprints}
 * and the gate's {@link FindingTally} work on both, {@link #entries()} and {@link #compare} only on a small one.
 */
public final class Baseline implements AutoCloseable {
    public static final Baseline NONE = new Baseline(Map.of(), false);

    private final Map<String, BaselineEntry> entries;
    private final BaselineIndex index;
    private final boolean present;

    public Baseline(Map<String, BaselineEntry> entries, boolean present) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.index = null;
        this.present = present;
    }

    private Baseline(BaselineIndex index) {
        this.entries = Map.of();
        this.index = index;
        this.present = true;
    }

    /** A baseline read into an on-disk index (closing the baseline deletes it). */
    static Baseline indexed(BaselineIndex index) {
        return new Baseline(index);
    }

    public static Baseline of(List<BaselineEntry> list) {
        Map<String, BaselineEntry> map = new LinkedHashMap<>();
        list.forEach(e -> map.putIfAbsent(e.fingerprint(), e));
        return new Baseline(map, true);
    }

    public static Baseline ofFindings(List<Finding> findings) {
        return of(findings.stream().map(BaselineEntry::of).toList());
    }

    /** Whether a baseline was given (an empty one is present; {@link #NONE} is not). */
    public boolean present() {
        return present;
    }

    /** Whether it is an on-disk index rather than a map in memory. */
    public boolean isIndexed() {
        return index != null;
    }

    /**
     * The entries by fingerprint, in the file's order.
     *
     * @throws IllegalStateException for an indexed baseline (use {@link #contains}, {@link #fingerprints})
     */
    public Map<String, BaselineEntry> entries() {
        if (index != null) {
            throw new IllegalStateException("a baseline of " + index.distinct() + " entries is indexed on disk, "
                    + "not held as a map");
        }
        return entries;
    }

    /** Entries, one per fingerprint. */
    public long size() {
        return index == null ? entries.size() : index.distinct();
    }

    public boolean contains(String fingerprint) {
        return index == null ? entries.containsKey(fingerprint) : ordinal(fingerprint) >= 0;
    }

    /** The baseline's fingerprints as a set for membership tests (an indexed one is not iterated). */
    public Set<String> fingerprints() {
        if (index == null) {
            return entries.keySet();
        }
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                return o instanceof String s && Baseline.this.contains(s);
            }

            @Override
            public int size() {
                return (int) Math.min(Integer.MAX_VALUE, index.distinct());
            }

            @Override
            public Iterator<String> iterator() {
                throw new UnsupportedOperationException("the fingerprints of an indexed baseline are for membership"
                        + " tests, not listed");
            }
        };
    }

    long ordinal(String fingerprint) {
        try {
            return index.lookup(fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline's on-disk index", e);
        }
    }

    BaselineIndex index() {
        return index;
    }

    Iterator<BaselineEntry> iterateIndexed(java.util.function.LongPredicate select) {
        try {
            return index.iterator(select);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline's on-disk index", e);
        }
    }

    /**
     * An immutable copy of a list of entries, except the fixed entries of an indexed baseline: they are counted and
     * read from the disk when iterated (while the gate runs), never held.
     */
    public static List<BaselineEntry> copyOf(List<BaselineEntry> fixed) {
        return fixed instanceof BaselineSeen.Unseen ? fixed : List.copyOf(fixed);
    }

    /** Splits {@code current} into new and unchanged; baseline entries not seen any more are fixed. */
    public Comparison compare(List<Finding> current) {
        List<Finding> fresh = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : current) {
            seen.add(f.fingerprint());
            (entries().containsKey(f.fingerprint()) ? unchanged : fresh).add(f);
        }
        List<BaselineEntry> fixed = entries.values().stream().filter(e -> !seen.contains(e.fingerprint())).toList();
        return new Comparison(fresh, unchanged, fixed);
    }

    /** Deletes the on-disk index, if any; a small baseline has nothing to close. */
    @Override
    public void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baseline b && b.present == present && b.entries.equals(entries) && b.index == index;
    }

    @Override
    public int hashCode() {
        return entries.hashCode() * 31 + Boolean.hashCode(present);
    }

    @Override
    public String toString() {
        return "Baseline[" + (present ? size() + " entries" + (index == null ? "" : ", indexed") : "none") + "]";
    }

    /** The outcome of {@link #compare}. */
    public record Comparison(List<Finding> fresh, List<Finding> unchanged, List<BaselineEntry> fixed) {
        public Comparison {
            fresh = List.copyOf(fresh);
            unchanged = List.copyOf(unchanged);
            fixed = List.copyOf(fixed);
        }
    }
}
