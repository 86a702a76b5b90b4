package io.jenkins.plugins.securedeploy.engine.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a baseline written by {@link BaselineWriter}; anything else is a located {@link InvalidInputException}.
 * Streamed, never a tree of the document: the entries are held in a map, or - past a number of entries the caller
 * chooses - written to an on-disk index ({@link Baseline#isIndexed()}), so a baseline of any size is read in the same
 * memory.
 */
public final class BaselineReader {
    /** Entries a gate holds in memory before it indexes the baseline on disk. */
    public static final int IN_MEMORY = 65_536;

    /** Problems listed for entries without a fingerprint before the rest are only counted. */
    static final int MAX_PROBLEMS = 100;

    public Baseline read(Path file, String displayName) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, displayName);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(
                    Problem.of("file.missing", "file does not exist", Location.ofFile(displayName)), e);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read file: " + IoReason.of(e),
                    Location.ofFile(displayName)), e);
        }
    }

    /** A baseline the host already read (a Jenkins workspace file, an earlier run's evidence). */
    public Baseline read(byte[] content, String displayName) {
        return read(new ByteArrayInputStream(content), displayName);
    }

    /** A baseline as a stream (not closed here), held in memory. */
    public Baseline read(InputStream in, String displayName) {
        return read(in, displayName, Integer.MAX_VALUE, null);
    }

    /**
     * A baseline as a stream (not closed here): up to {@code inMemory} entries are held in a map, a larger one is
     * indexed on disk in a new folder under {@code tempRoot} (null = the system's temporary folder) that closing the
     * baseline deletes.
     *
     * @throws InvalidInputException when it is not a baseline, naming the file and the field
     * @throws java.io.UncheckedIOException when the on-disk index cannot be written
     */
    public Baseline read(InputStream in, String displayName, int inMemory, Path tempRoot) {
        try (Collector entries = new Collector(inMemory, tempRoot)) {
            try (JsonParser p = Json.strict().parser(in)) {
                read(p, displayName, entries);
            } catch (JsonProcessingException e) {
                throw Json.parseError(displayName, e);
            } catch (IOException e) {
                throw Json.ioError(displayName, e);
            }
            return entries.baseline();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot index baseline " + displayName + " on disk: "
                    + IoReason.of(e), e);
        }
    }

    /** The entries, first of each fingerprint: a map, moved to an on-disk index when it grows past its size. */
    private static final class Collector implements java.io.Closeable {
        private final int inMemory;
        private final Path tempRoot;
        private final Map<String, BaselineEntry> map = new LinkedHashMap<>();
        private BaselineIndex.Builder disk;
        private Baseline result;

        Collector(int inMemory, Path tempRoot) {
            this.inMemory = inMemory;
            this.tempRoot = tempRoot;
        }

        void add(BaselineEntry e) throws IOException {
            if (disk != null) {
                disk.add(e);
                return;
            }
            map.putIfAbsent(e.fingerprint(), e);
            if (map.size() > inMemory) {
                disk = BaselineIndex.builder(tempRoot);
                for (BaselineEntry held : map.values()) {
                    disk.add(held);
                }
                map.clear();
            }
        }

        Baseline baseline() throws IOException {
            result = disk == null ? new Baseline(map, true) : Baseline.indexed(disk.build());
            return result;
        }

        /** Deletes a half-written index (a baseline that turned out garbled). */
        @Override
        public void close() throws IOException {
            if (disk != null && result == null) {
                disk.close();
            }
        }
    }

    private void read(JsonParser p, String displayName, Collector entries) throws IOException {
        JsonToken root = p.nextToken();
        if (root == null) {
            throw new InvalidInputException(Problem.of("json.empty", "document is empty",
                    Location.ofFile(displayName)));
        }
        String format = "";
        int version = 0;
        boolean array = false;
        List<Problem> problems = new ArrayList<>();
        if (root == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "version" -> version = value.isScalarValue() ? p.getValueAsInt(0) : 0;
                    case "findings" -> {
                        array = value == JsonToken.START_ARRAY;
                        if (array) {
                            entries(p, displayName, entries, problems);
                        }
                    }
                    default -> { }
                }
                p.skipChildren();
            }
        } else {
            p.skipChildren();
        }
        if (!BaselineWriter.FORMAT.equals(format) || version != 1) {
            throw new InvalidInputException(Problem.of("baseline.format", "not a secure-deploy baseline (expected "
                    + "format '" + BaselineWriter.FORMAT + "', version 1)", Location.ofPointer(displayName,
                    "/format", 0, 0)));
        }
        if (!array) {
            problems.add(0, Problem.of("baseline.format", "'findings' must be an array",
                    Location.ofPointer(displayName, "/findings", 0, 0)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The entries of the findings array; the parser ends on the array's end. */
    private static void entries(JsonParser p, String displayName, Collector entries, List<Problem> problems)
            throws IOException {
        long i = 0;
        long unlisted = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            String fp = "";
            String tool = "";
            String ruleId = "";
            String severity = "";
            String title = "";
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    String text = text(p);
                    switch (field) {
                        case "fingerprint" -> fp = text;
                        case "tool" -> tool = text;
                        case "ruleId" -> ruleId = text;
                        case "severity" -> severity = text;
                        case "title" -> title = text;
                        default -> { }
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            if (fp.isBlank()) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(Problem.of("baseline.fingerprint", "entry has no fingerprint",
                            Location.ofPointer(displayName, "/findings/" + i + "/fingerprint", 0, 0)));
                } else {
                    unlisted++;
                }
                continue;
            }
            if (problems.isEmpty()) { // a garbled baseline is refused: its entries need not be kept
                entries.add(new BaselineEntry(fp, tool, ruleId, Severity.parseOrUnknown(severity), title));
            }
        }
        if (unlisted > 0) {
            problems.add(Problem.of("baseline.fingerprint", "and " + unlisted + " more entries have no fingerprint",
                    Location.ofPointer(displayName, "/findings", 0, 0)));
        }
    }

    /** A value's text as a tree node gives it: scalars as written, null and containers as "". */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL || !t.isScalarValue()) {
            return "";
        }
        return p.getText();
    }
}
