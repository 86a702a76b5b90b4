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
 *
 * <p>An array the caller marks with {@link #elementPerLine()} (a report's list of findings) is laid out one element
 * per line instead: each element on its own line, indented as an array's element would be, written compact (what
 * a generator without a pretty printer writes: no white space, {@code ":"} and {@code ","}), a comma at the end of
 * every line but the last; an empty one stays {@code [ ]}. One per line, {@code grep} prints a whole finding and
 * {@code diff} shows one line per changed finding, and the file is a quarter smaller.
 */
public final class PrettyJson extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;
    private static final int LEVELS = 16;
    private static final SerializedString[] INDENTS = new SerializedString[LEVELS];
    private static final SerializedString[] NEXT_LINES = new SerializedString[LEVELS];

    static {
        DefaultIndenter lf = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
        for (int i = 0; i < LEVELS; i++) {
            INDENTS[i] = new SerializedString(lf.getEol() + lf.getIndent().repeat(i));
            NEXT_LINES[i] = new SerializedString("," + INDENTS[i].getValue());
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
    /** The next array started is laid out one element per line. */
    private boolean linesNext;
    /** The nesting inside the array laid out one element per line being written, or -1. */
    private int linesAt = -1;
    /** Arrays and objects open inside an element of that array (written compact). */
    private int inner;

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

    /**
     * Lays the next array started out one element per line, each element compact. Not for an array inside such an
     * element (it is compact anyway).
     */
    public void elementPerLine() {
        linesNext = inner == 0 && linesAt < 0;
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        if (inner > 0) {
            g.writeRaw(':');
        } else {
            g.writeRaw(fieldValueSeparator);
        }
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        if (linesAt >= 0) {
            inner++;
            g.writeRaw('{');
        } else {
            super.writeStartObject(g);
        }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        if (inner == 0) {
            super.beforeObjectEntries(g);
        }
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        if (inner > 0) {
            g.writeRaw(',');
        } else {
            super.writeObjectEntrySeparator(g);
        }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        if (inner > 0) {
            inner--;
            g.writeRaw('}');
        } else {
            super.writeEndObject(g, nrOfEntries);
        }
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        if (linesNext) {
            linesNext = false;
            g.writeRaw('[');
            linesAt = ++_nesting;
        } else if (linesAt >= 0) {
            inner++;
            g.writeRaw('[');
        } else {
            super.writeStartArray(g);
        }
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (linesAt < 0) {
            super.beforeArrayValues(g);
        } else if (inner == 0) {
            Indent.INSTANCE.writeIndentation(g, _nesting);
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        if (linesAt < 0) {
            super.writeArrayValueSeparator(g);
        } else if (inner > 0) {
            g.writeRaw(',');
        } else if (_nesting < LEVELS) {
            g.writeRaw(NEXT_LINES[_nesting]);
        } else {
            g.writeRaw(',');
            Indent.INSTANCE.writeIndentation(g, _nesting);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (linesAt < 0) {
            super.writeEndArray(g, nrOfValues);
        } else if (inner > 0) {
            inner--;
            g.writeRaw(']');
        } else {
            linesAt = -1;
            --_nesting;
            if (nrOfValues > 0) {
                Indent.INSTANCE.writeIndentation(g, _nesting);
            } else {
                g.writeRaw(' ');
            }
            g.writeRaw(']');
        }
    }
}
