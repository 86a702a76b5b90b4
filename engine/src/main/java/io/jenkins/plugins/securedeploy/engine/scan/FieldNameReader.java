package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the member names of the objects of one kind (a SARIF result, a location, a region, ...) expecting each name
 * where it was in the previous object of that kind: a name that comes where it came last time is matched by its bytes
 * ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}), not hashed and looked up in
 * Jackson's symbol table; any other name is read as usual and expected there next time. Reports write every object of
 * a kind alike, so nearly every name is matched. What the caller gets is Jackson's own reading either way - the same
 * name, the same token, the same duplicate-key check and error at the same place: only the work differs. One instance
 * per kind of object and per parse (not thread-safe); it holds at most {@link #MEMBERS} expected names.
 *
 * <p>Duplicate keys: Jackson checks a name matched by its bytes too, but reports a duplicate found that way at the
 * name's start instead of after it. So a name is only ever expected where it cannot be a duplicate: the expected
 * names are kept distinct (recording a name at one position forgets it at any other), and the names read so far in
 * an object are always the expected ones of the positions before (matched, or read as usual and then recorded - a
 * name read as usual that repeats an earlier one has already failed), so the expected name of the next position is
 * none of them. Every duplicate is therefore found by Jackson's usual reading, with its usual error and location.
 */
public final class FieldNameReader {
    /** Members per object whose names are expected (later ones are read as usual). */
    static final int MEMBERS = 16;
    /** Distinct names whose encoding is kept for reuse (a report with ever-new names encodes them each time). */
    private static final int NAMES = 64;

    private SerializedString[] expected;
    private Map<String, SerializedString> encoded;
    private int at;

    /** The parser is on an object's START_OBJECT: its first member comes next. */
    public void start() {
        at = 0;
    }

    /**
     * Moves to the object's next member and returns its name (the parser is then on its FIELD_NAME, as after
     * {@link JsonParser#nextFieldName()}), or null at the end of the object (the parser on END_OBJECT).
     */
    public String next(JsonParser p) throws IOException {
        int i = at++;
        SerializedString e = expected != null && i < MEMBERS ? expected[i] : null;
        String name;
        if (e == null) {
            name = p.nextFieldName();
        } else if (p.nextFieldName(e)) {
            return e.getValue();
        } else {
            name = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        }
        if (name != null && i < MEMBERS) {
            expect(i, name);
        }
        return name;
    }

    /** The next member's name of an object read with {@code order}, or as usual when it is null. */
    public static String next(FieldNameReader order, JsonParser p) throws IOException {
        return order == null ? p.nextFieldName() : order.next(p);
    }

    private void expect(int i, String name) {
        if (expected == null) {
            expected = new SerializedString[MEMBERS];
            encoded = new HashMap<>();
        }
        SerializedString e = encoded.get(name);
        if (e == null) {
            e = new SerializedString(name);
            if (encoded.size() < NAMES) {
                encoded.put(name, e);
            }
        }
        for (int j = 0; j < MEMBERS; j++) {
            if (j != i && expected[j] != null && expected[j].getValue().equals(name)) {
                expected[j] = null; // expected names stay distinct (see the class comment)
            }
        }
        expected[i] = e;
    }

    /**
     * Skips the value the parser is on, as {@link JsonParser#skipChildren()} does, reading an object's member names
     * with this order (its members' values are skipped as usual): for a small object every report carries and nobody
     * reads (a region's snippet).
     */
    public void skip(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        start();
        while (next(p) != null) {
            p.nextToken();
            p.skipChildren();
        }
    }
}
