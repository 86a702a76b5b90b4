package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.io.IOException;

/**
 * The one JSON shape of a {@link Finding}'s own fields, shared by every document that carries findings (the
 * scan-results interchange, the gate report). Writes fields only; the caller opens and closes the object, so a
 * document may add its own fields (a gate's new/waived status) around them.
 */
public final class FindingJsonWriter {
    private FindingJsonWriter() {}

    public static void writeFields(JsonGenerator g, Finding f) throws IOException {
        g.writeStringField("fingerprint", f.fingerprint());
        g.writeStringField("tool", f.tool());
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("title", f.title());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("category", f.category().name());
        if (f.hasScore()) {
            g.writeNumberField("score", f.score());
        } else {
            g.writeNullField("score");
        }
        g.writeArrayFieldStart("ids");
        for (String id : f.ids()) {
            g.writeString(id);
        }
        g.writeEndArray();
        if (f.pkg() != null) {
            g.writeObjectFieldStart("package");
            g.writeStringField("name", f.pkg().name());
            g.writeStringField("version", f.pkg().version());
            g.writeStringField("fixedVersion", f.pkg().fixedVersion());
            g.writeStringField("purl", f.pkg().purl());
            g.writeEndObject();
        } else {
            g.writeNullField("package");
        }
        writeLocation(g, f.location());
    }

    public static void writeLocation(JsonGenerator g, Location l) throws IOException {
        g.writeObjectFieldStart("location");
        g.writeStringField("file", l.file());
        g.writeStringField("pointer", l.pointer());
        g.writeNumberField("line", l.line());
        g.writeNumberField("column", l.column());
        g.writeEndObject();
    }
}
