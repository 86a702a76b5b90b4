package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Part of a buffer holding a JSON value already encoded as UTF-8 (a gate report's finding, laid out from the spool),
 * written as it is with {@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(SerializableString)}; reused:
 * {@link #set} points it at the next value, so writing a million findings allocates nothing per finding. Only the
 * unquoted forms are supported.
 */
public final class RawJsonSlice implements SerializableString {
    private byte[] bytes = new byte[0];
    private int off;
    private int len;

    /** This slice, now of {@code b[off, off + len)} (not copied: valid while the caller keeps it). */
    public RawJsonSlice set(byte[] b, int off, int len) {
        this.bytes = b;
        this.off = off;
        this.len = len;
        return this;
    }

    @Override
    public String getValue() {
        return new String(bytes, off, len, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOfRange(bytes, off, off + len);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (buffer.length - offset < len) {
            return -1;
        }
        System.arraycopy(bytes, off, buffer, offset, len);
        return len;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(bytes, off, len);
        return len;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < len) {
            return -1;
        }
        buffer.put(bytes, off, len);
        return len;
    }

    private static UnsupportedOperationException quoted() {
        return new UnsupportedOperationException("a raw JSON value is written unquoted");
    }

    @Override
    public char[] asQuotedChars() {
        throw quoted();
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw quoted();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw quoted();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw quoted();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        throw quoted();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw quoted();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw quoted();
    }
}
