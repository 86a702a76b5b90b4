package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Base of the streaming JSON report parsers: opens a strict {@link JsonParser} (limits from
 * {@link Json#strict()}), rejects empty documents and trailing content, maps every Jackson or I/O error to a located
 * {@link InvalidInputException} without echoing content, and offers small typed readers that fail with the JSON
 * pointer and line of the offending value (never the value itself). Subclasses read one document from the first
 * token on and push each finding to the sink as it is read; heap stays bounded by what they keep. The end of the
 * report is signalled to the sink here, after the trailing-content check, so a sink never sees {@code end} for a
 * document with garbage after it.
 */
public abstract class JsonReportParser implements ReportParser {
    /** Reads one element as a small tree mid-stream (the strict mapper would reject the rest of the document). */
    public static final ObjectReader TREE =
            Json.strict().mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_POINTER = 200;
    /**
     * Top-level keys that identify one tool's report: a document carrying one of them is that tool's, so another
     * tool's parser refuses it even when it is clean (a clean Bandit report has Semgrep's {@code results} and
     * {@code errors} arrays too). Keys are the tools' documented, distinctive ones only.
     */
    private static final Map<String, String> SIGNATURE_KEYS = Map.ofEntries(
            Map.entry("generated_at", "bandit"), Map.entry("metrics", "bandit"),
            Map.entry("check_type", "checkov"), Map.entry("checkov_version", "checkov"),
            Map.entry("bomFormat", "cyclonedx-vex"), Map.entry("specVersion", "cyclonedx-vex"),
            Map.entry("reportSchema", "dependency-check"), Map.entry("scanInfo", "dependency-check"),
            Map.entry("matches", "grype"), Map.entry("ignoredMatches", "grype"), Map.entry("descriptor", "grype"),
            Map.entry("auditReportVersion", "npm-audit"),
            Map.entry("experimental_config", "osv-scanner"),
            Map.entry("runs", "sarif"),
            Map.entry("interfile_languages_used", "semgrep"), Map.entry("skipped_rules", "semgrep"),
            Map.entry("paths", "semgrep"),
            Map.entry("comments", "shellcheck"),
            Map.entry("SchemaVersion", "trivy"), Map.entry("ArtifactName", "trivy"), Map.entry("Results", "trivy"));

    @Override
    public final void parse(InputStream report, String displayName, FindingSink sink) {
        JsonParser p = null;
        try {
            p = Json.strict().parser(report);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidInputException(Problem.of("report.empty",
                        "report is empty; an empty report is never \"0 findings\"", Location.ofFile(displayName)));
            }
            ReportEnd end = read(p, displayName, sink);
            if (p.nextToken() != null) {
                throw problem(p, displayName, "json.trailing-tokens", "unexpected content after the report");
            }
            sink.end(end);
        } catch (JsonProcessingException e) {
            throw located(Json.parseError(displayName, e), p, displayName);
        } catch (IOException e) {
            throw located(Json.ioError(displayName, e), p, displayName);
        } finally {
            closeQuietly(p);
        }
    }

    /** Jackson's limit errors carry no location: take the parser's. */
    private static InvalidInputException located(InvalidInputException e, JsonParser p, String displayName) {
        if (p == null || e.problems().size() != 1 || e.problems().get(0).location().line() > 0) {
            return e;
        }
        Problem original = e.problems().get(0);
        InvalidInputException at = problem(p, displayName, original.code(), original.message());
        return new InvalidInputException(at.problems().get(0), e.getCause() == null ? e : e.getCause());
    }

    private static void closeQuietly(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // closing a read-only stream; the result (or error) is already decided
            }
        }
    }

    /**
     * Reads the document, pushing findings, problems and warnings to {@code sink} as they are read; {@code p} is on
     * its first token. Returns what the sink's {@link FindingSink#end} gets (the base calls it).
     */
    protected abstract ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException;

    /** A located problem at the parser's current position; {@code message} must not contain input values. */
    public static InvalidInputException problem(JsonParser p, String displayName, String code, String message) {
        JsonLocation loc = p.currentLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        String pointer = p.getParsingContext() == null ? "" : p.getParsingContext().pathAsPointer().toString();
        if (pointer.length() > MAX_POINTER) {
            pointer = pointer.substring(0, MAX_POINTER) + "...";
        }
        return new InvalidInputException(Problem.of(code, message, new Location(displayName, pointer, line, column)));
    }

    /**
     * Fails when a top-level {@code key} is the signature of another tool's report ({@code own} is this parser's
     * tool id): another tool's report is an error, clean or not, never "0 findings".
     */
    public static void rejectForeignKey(JsonParser p, String displayName, String own, String key) {
        String owner = SIGNATURE_KEYS.get(key);
        if (owner != null && !owner.equals(own)) {
            throw problem(p, displayName, "report.other-format", "this looks like a " + owner + " report (it has "
                    + "the top-level key '" + key + "'), not a " + own + " one; pass the right format or let it be "
                    + "detected");
        }
    }

    /** Fails unless the current token is {@code expected}. */
    public static void expect(JsonParser p, JsonToken expected, String displayName, String what) {
        if (p.currentToken() != expected) {
            throw problem(p, displayName, "report.unexpected-structure",
                    "expected " + what + " but found " + describe(p.currentToken()));
        }
    }

    /**
     * Calls {@code field} for every field of the object the parser is on (positioned on the field's value); values
     * the callback leaves unread are skipped.
     */
    public static void fields(JsonParser p, String displayName, String what, FieldHandler field)
            throws IOException {
        expect(p, JsonToken.START_OBJECT, displayName, what + " (an object)");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            field.handle(name);
            if (p.currentToken() == value && value != null && value.isStructStart()) {
                p.skipChildren();
            }
        }
        expect(p, JsonToken.END_OBJECT, displayName, "end of " + what);
    }

    /** Calls {@code element} for every element of the array the parser is on; null is an empty array. */
    public static void elements(JsonParser p, String displayName, String what, ElementHandler element)
            throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, JsonToken.START_ARRAY, displayName, what + " (an array)");
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw problem(p, displayName, "json.truncated", "report ends inside " + what);
            }
            JsonToken value = p.currentToken();
            element.handle(index++);
            if (p.currentToken() == value && value.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    /** Reads an array of strings (null is empty); non-string elements are errors. */
    public static void strings(JsonParser p, String displayName, String what, Consumer<String> each)
            throws IOException {
        elements(p, displayName, what, i -> {
            String s = string(p, displayName, what);
            if (s != null) {
                each.accept(s);
            }
        });
    }

    /** The current string value, or null for JSON null; anything else is a located error. */
    public static String string(JsonParser p, String displayName, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw problem(p, displayName, "report.unexpected-type",
                    what + " must be a string but is " + describe(t));
        }
        return p.getText();
    }

    /** The current value as a string if it is a scalar (numbers and booleans as text), null otherwise. */
    public static String scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : null;
    }

    /** The current number (or numeric string) value; NaN for null; other values are a located error. */
    public static double number(JsonParser p, String displayName, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(p.getText().trim());
            } catch (NumberFormatException e) {
                throw problem(p, displayName, "report.unexpected-type", what + " must be a number");
            }
        }
        throw problem(p, displayName, "report.unexpected-type", what + " must be a number but is " + describe(t));
    }

    /** A non-negative line/column number; absent or null is 0. */
    public static int position(JsonParser p, String displayName, String what) throws IOException {
        double d = number(p, displayName, what);
        if (Double.isNaN(d)) {
            return 0;
        }
        if (d < 0 || d > Integer.MAX_VALUE || d != Math.floor(d)) {
            throw problem(p, displayName, "report.unexpected-value", what + " must be a non-negative integer");
        }
        return (int) d;
    }

    /** Fails with a located problem when a required part of the format is missing. */
    public static InvalidInputException missing(JsonParser p, String displayName, String format, String what) {
        return problem(p, displayName, "report.not-" + format,
                "not a " + format + " report: " + what);
    }

    /** A location in the report from a parser position; unknown line/column are 0. */
    public static Location location(String displayName, String pointer, JsonLocation at) {
        int line = at == null || at.getLineNr() < 0 ? 0 : at.getLineNr();
        int col = at == null || at.getColumnNr() < 0 ? 0 : at.getColumnNr();
        return new Location(displayName, pointer, line, col);
    }

    /** Like {@link #location}, naming the document root "/" rather than "". */
    public static Location rootedLocation(String displayName, String pointer, JsonLocation at) {
        return location(displayName, pointer.isEmpty() ? "/" : pointer, at);
    }

    /** The text of a tree node's field; "" when the node or field is absent or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : "";
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the report";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Handles one field; the parser is on its value. */
    @FunctionalInterface
    public interface FieldHandler {
        void handle(String name) throws IOException;
    }

    /** Handles one array element; the parser is on it. */
    @FunctionalInterface
    public interface ElementHandler {
        void handle(int index) throws IOException;
    }
}
