package io.jenkins.plugins.securedeploy.engine.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses audit log lines written by {@link AuditEntryWriter}: exactly the fields in their order, the hash field
 * last in its fixed form — the lines {@link EntryScanner} accepts, which the verifier checks. One instance per
 * thread. Parsing does not judge the chain — {@link AuditVerifier} does — but a line that is not a
 * well-formed entry is a {@link MalformedEntryException} naming what is wrong, never its content.
 */
public final class AuditEntryReader {
    private final JsonFactory factory = Json.strict().factory();
    private final EntryScanner scanner = new EntryScanner();

    /** A line that is not a well-formed audit entry. Carries no input content and no stack trace (it is data). */
    public static final class MalformedEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedEntryException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses one line (without its newline). */
    public AuditEntry parse(byte[] buf, int off, int len) throws MalformedEntryException {
        scanner.check(buf, off, len);
        try (JsonParser p = factory.createParser(buf, off, len)) {
            // fields are checked by name and position below, so a duplicate cannot pass; skip the hash set
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            expect(p, JsonToken.START_OBJECT, "an object");
            long seq = number(p, "seq");
            Instant at = instant(text(p, "at"));
            String actor = text(p, "actor");
            String action = text(p, "action");
            List<AuditRef> refs = refs(p);
            String note = text(p, "note");
            Digest prev = digest(text(p, "prev"), "prev");
            Digest hash = digest(text(p, "hash"), "hash");
            expect(p, JsonToken.END_OBJECT, "the end of the entry after 'hash'");
            if (p.nextToken() != null) {
                throw new MalformedEntryException("content after the entry");
            }
            if (seq < 1) {
                throw new MalformedEntryException("'seq' must be >= 1");
            }
            return new AuditEntry(seq, at, actor, action, refs, note, prev, hash);
        } catch (JsonProcessingException e) {
            throw new MalformedEntryException("malformed JSON: " + Json.parseError("entry", e).problems().get(0)
                    .message());
        } catch (IOException e) {
            throw new MalformedEntryException("unreadable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Entries {@code from} (1-based line number) on, at most {@code limit} of them ({@code 0} = all), parsed without
     * checking the chain. A malformed line is a located {@link InvalidInputException}.
     */
    public List<AuditEntry> read(Path file, String displayName, long from, int limit) {
        List<AuditEntry> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            LineScanner.scan(in, (buf, off, len, lineNo, torn) -> {
                if (lineNo < from) {
                    return true;
                }
                if (torn) {
                    problems.add(Problem.of("audit.torn", "the last line is incomplete (no newline): an interrupted "
                            + "write or a truncation", Location.of(displayName, (int) Math.min(lineNo,
                            Integer.MAX_VALUE), 0)));
                    return false;
                }
                try {
                    out.add(parse(buf, off, len));
                } catch (MalformedEntryException e) {
                    problems.add(Problem.of("audit.malformed", e.getMessage(), Location.of(displayName,
                            (int) Math.min(lineNo, Integer.MAX_VALUE), 0)));
                    return false;
                }
                return limit <= 0 || out.size() < limit;
            });
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.of("file.missing", "file does not exist",
                    Location.ofFile(displayName)), e);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read: " + e.getMessage(),
                    Location.ofFile(displayName)), e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    private static void expect(JsonParser p, JsonToken token, String what) throws IOException,
            MalformedEntryException {
        if (p.nextToken() != token) {
            throw new MalformedEntryException("expected " + what);
        }
    }

    private static void field(JsonParser p, String name) throws IOException, MalformedEntryException {
        if (p.nextToken() != JsonToken.FIELD_NAME || !name.equals(p.currentName())) {
            throw new MalformedEntryException("expected field '" + name + "' here (fields are seq, at, actor, "
                    + "action, refs, note, prev, hash in this order)");
        }
    }

    private static String text(JsonParser p, String name) throws IOException, MalformedEntryException {
        field(p, name);
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new MalformedEntryException("'" + name + "' must be a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p, String name) throws IOException, MalformedEntryException {
        field(p, name);
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedEntryException("'" + name + "' must be an integer");
        }
        return p.getLongValue();
    }

    private static List<AuditRef> refs(JsonParser p) throws IOException, MalformedEntryException {
        field(p, "refs");
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new MalformedEntryException("'refs' must be a list");
        }
        List<AuditRef> refs = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            if (p.nextToken() != JsonToken.FIELD_NAME) {
                throw new MalformedEntryException("a reference is one {\"kind\": \"value\"} pair");
            }
            String kind = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new MalformedEntryException("a reference value must be a string");
            }
            try {
                refs.add(new AuditRef(kind, p.getText()));
            } catch (IllegalArgumentException e) {
                throw new MalformedEntryException("bad reference: " + e.getMessage());
            }
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw new MalformedEntryException("a reference is one {\"kind\": \"value\"} pair");
            }
        }
        if (t != JsonToken.END_ARRAY) {
            throw new MalformedEntryException("'refs' must be a list of references");
        }
        return refs;
    }

    private static Instant instant(String text) throws MalformedEntryException {
        try {
            return FastParse.instant(text);
        } catch (DateTimeException e) {
            throw new MalformedEntryException("'at' is not an RFC 3339 UTC time");
        }
    }

    private static Digest digest(String text, String name) throws MalformedEntryException {
        try {
            return FastParse.digest(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedEntryException("'" + name + "' is not a digest: " + e.getMessage());
        }
    }
}
