package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape most JSON reports share — an object whose arrays hold the results — read the same way for every tool:
 * streaming down to each array element, which is read as a small tree ({@link #TREE}) and handed to the tool's
 * code with its JSON pointer and location. Element-level problems (a result missing a required field) are collected
 * in {@link ElementProblems} so one run names them all, and a document that is not this tool's format is one
 * {@link #notThisFormat} error saying which command writes the right one.
 */
public abstract class TreeReportParser extends JsonReportParser {
    /** The tool id (also what {@link ReportEnd} names). */
    protected abstract String formatId();

    /** The problem code of "not this format", e.g. {@code semgrep.format}. */
    protected abstract String formatCode();

    /** What the format looks like and which command writes it (no input values). */
    protected abstract String formatHint();

    /** A located "not this tool's report" error. */
    protected final InvalidInputException notThisFormat(String displayName, String pointer, JsonLocation at) {
        return new InvalidInputException(Problem.of(formatCode(), formatHint(), rootedLocation(displayName,
                pointer, at)));
    }

    /** Handles one array element read as a tree. */
    @FunctionalInterface
    protected interface TreeVisitor {
        void visit(JsonNode node, String pointer, JsonLocation at) throws IOException;
    }

    /** Handles one other field; the parser is on its value (left unread, it is skipped). */
    @FunctionalInterface
    protected interface ValueHandler {
        void handle(String field, JsonToken value) throws IOException;
    }

    /**
     * Reads the object the parser is on (anything else is {@link #notThisFormat}): every field named in
     * {@code arrays} must be an array, whose elements go one by one, as trees, to its visitor; every other field
     * goes to {@code other}. {@code base} is the object's JSON pointer ("" for the root). Returns the names of the
     * arrays that were present (empty or not).
     */
    protected final Set<String> readObject(JsonParser p, String displayName, String base, Map<String, TreeVisitor> arrays,
            ValueHandler other) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw notThisFormat(displayName, base, p.currentTokenLocation());
        }
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (base.isEmpty()) {
                rejectForeignKey(p, displayName, formatId(), field);
            }
            JsonToken value = p.nextToken();
            TreeVisitor visitor = arrays.get(field);
            if (visitor != null) {
                if (value != JsonToken.START_ARRAY) {
                    throw notThisFormat(displayName, base + "/" + field, p.currentTokenLocation());
                }
                seen.add(field);
                readTrees(p, base + "/" + field, visitor);
            } else {
                other.handle(field, value);
                if (p.currentToken() == value && value != null && value.isStructStart()) {
                    p.skipChildren();
                }
            }
        }
        return seen;
    }

    /** Every element of the array the parser is on, as a tree with its pointer ({@code pointer/index}). */
    protected static void readTrees(JsonParser p, String pointer, TreeVisitor visitor) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            JsonNode node = TREE.readTree(p);
            visitor.visit(node, pointer + "/" + index++, at);
        }
    }

    /** Skips the other fields. */
    protected static void skip(String field, JsonToken value) {
        // the base skips unread structures
    }

    /**
     * Problems of single elements, collected so that one run names all of them (up to {@link #MAX} and a count of
     * the rest), thrown together at the end of the report.
     */
    protected static final class ElementProblems {
        /** How many element problems are listed. */
        public static final int MAX = 100;
        private final List<Problem> problems = new ArrayList<>();
        private long more;

        public ElementProblems() {
            // one per parse
        }

        public void add(Problem problem) {
            if (problems.size() < MAX) {
                problems.add(problem);
            } else {
                more++;
            }
        }

        /** How many were added (a mark to compare with after checking one element). */
        public long count() {
            return problems.size() + more;
        }

        /** Throws them all if there are any. */
        public void throwIfAny(String displayName) {
            if (problems.isEmpty()) {
                return;
            }
            List<Problem> all = new ArrayList<>(problems);
            if (more > 0) {
                all.add(Problem.of("report.more-problems", more + " more problems not listed",
                        Location.ofFile(displayName)));
            }
            throw new InvalidInputException(all);
        }
    }
}
