package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.io.IOException;

/**
 * The one JSON shape of a {@link Finding}'s own fields, shared by every document that carries findings (the
 * scan-results interchange, the gate report). Writes fields only; the caller opens and closes the object, so a
 * document may add its own fields (a gate's new/waived status) around them.
 */
public final class FindingJsonWriter {
    private FindingJsonWriter() {}

    // field names encoded once (a report lists every finding: the names are most of what is written)
    private static final SerializedString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializedString TOOL = new SerializedString("tool");
    private static final SerializedString RULE_ID = new SerializedString("ruleId");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString SEVERITY = new SerializedString("severity");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString IDS = new SerializedString("ids");
    private static final SerializedString PACKAGE = new SerializedString("package");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString FIXED_VERSION = new SerializedString("fixedVersion");
    private static final SerializedString PURL = new SerializedString("purl");
    private static final SerializedString LOCATION = new SerializedString("location");
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString POINTER = new SerializedString("pointer");
    private static final SerializedString LINE = new SerializedString("line");
    private static final SerializedString COLUMN = new SerializedString("column");

    public static void writeFields(JsonGenerator g, Finding f) throws IOException {
        string(g, FINGERPRINT, f.fingerprint());
        string(g, TOOL, f.tool());
        string(g, RULE_ID, f.ruleId());
        string(g, TITLE, f.title());
        string(g, SEVERITY, f.severity().name());
        string(g, CATEGORY, f.category().name());
        g.writeFieldName(SCORE);
        if (f.hasScore()) {
            g.writeNumber(f.score());
        } else {
            g.writeNull();
        }
        g.writeFieldName(IDS);
        g.writeStartArray();
        for (String id : f.ids()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeFieldName(PACKAGE);
        if (f.pkg() != null) {
            g.writeStartObject();
            string(g, NAME, f.pkg().name());
            string(g, VERSION, f.pkg().version());
            string(g, FIXED_VERSION, f.pkg().fixedVersion());
            string(g, PURL, f.pkg().purl());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        writeLocation(g, f.location());
    }

    public static void writeLocation(JsonGenerator g, Location l) throws IOException {
        g.writeFieldName(LOCATION);
        g.writeStartObject();
        string(g, FILE, l.file());
        string(g, POINTER, l.pointer());
        g.writeFieldName(LINE);
        g.writeNumber(l.line());
        g.writeFieldName(COLUMN);
        g.writeNumber(l.column());
        g.writeEndObject();
    }

    /** A string field with a pre-encoded name; a null value is written as null. */
    public static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
