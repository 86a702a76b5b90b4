package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Jackson's default pretty printing ({@link JsonGenerator#useDefaultPrettyPrinter()}: two spaces per level, the
 * system line feed, {@code " : "} between a name and its value, arrays on one line), byte for byte, with its white
 * space encoded once instead of character by character for every field: the engine's reports list every finding, so
 * the white space is a good part of what they write. Optionally starting {@code nesting} levels deep, to write one
 * element of a larger document on its own.
 */
public final class PrettyJson extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;
    private static final int LEVELS = 16;
    private static final SerializedString[] INDENTS = new SerializedString[LEVELS];

    static {
        DefaultIndenter lf = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
        for (int i = 0; i < LEVELS; i++) {
            INDENTS[i] = new SerializedString(lf.getEol() + lf.getIndent().repeat(i));
        }
    }

    /** What {@link DefaultIndenter#SYSTEM_LINEFEED_INSTANCE} writes, from pre-encoded bytes. */
    private static final class Indent extends DefaultIndenter {
        private static final long serialVersionUID = 1L;
        static final Indent INSTANCE = new Indent();

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < LEVELS) {
                g.writeRaw(INDENTS[level]);
            } else {
                SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            }
        }
    }

    private final transient SerializableString fieldValueSeparator;
    private final int start;

    /** A printer for a whole document. */
    public PrettyJson() {
        this(0, true);
    }

    /**
     * A printer that starts {@code nesting} object levels deep; with {@code rootSeparator} false, values at the root
     * are not separated (each is one element written on its own).
     */
    public PrettyJson(int nesting, boolean rootSeparator) {
        super(rootSeparator ? DEFAULT_ROOT_VALUE_SEPARATOR : null);
        this.start = nesting;
        this._nesting = nesting;
        this.fieldValueSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
        indentObjectsWith(Indent.INSTANCE);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new PrettyJson(start, _rootSeparator != null);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(fieldValueSeparator);
    }
}
