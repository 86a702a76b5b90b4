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
 * Streamed: only the entries are held (never a tree of the document), so a baseline costs its entries' memory.
 */
public final class BaselineReader {
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

    /** A baseline as a stream (not closed here). */
    public Baseline read(InputStream in, String displayName) {
        try (JsonParser p = Json.strict().parser(in)) {
            return read(p, displayName);
        } catch (JsonProcessingException e) {
            throw Json.parseError(displayName, e);
        } catch (IOException e) {
            throw Json.ioError(displayName, e);
        }
    }

    private Baseline read(JsonParser p, String displayName) throws IOException {
        JsonToken root = p.nextToken();
        if (root == null) {
            throw new InvalidInputException(Problem.of("json.empty", "document is empty",
                    Location.ofFile(displayName)));
        }
        String format = "";
        int version = 0;
        boolean array = false;
        List<Problem> problems = new ArrayList<>();
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
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
        return new Baseline(entries, true);
    }

    /** The entries of the findings array; the parser ends on the array's end. */
    private static void entries(JsonParser p, String displayName, Map<String, BaselineEntry> entries,
            List<Problem> problems) throws IOException {
        int i = 0;
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
                problems.add(Problem.of("baseline.fingerprint", "entry has no fingerprint",
                        Location.ofPointer(displayName, "/findings/" + i + "/fingerprint", 0, 0)));
                continue;
            }
            entries.putIfAbsent(fp, new BaselineEntry(fp, tool, ruleId, Severity.parseOrUnknown(severity), title));
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
