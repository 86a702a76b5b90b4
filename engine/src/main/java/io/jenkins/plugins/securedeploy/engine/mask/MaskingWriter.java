package io.jenkins.plugins.securedeploy.engine.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link Writer} adapter of {@link MaskingOutputStream}: chars are encoded as UTF-8 (a surrogate pair split across
 * writes is kept together), masked, and decoded again into the target writer. Same guarantees as the stream.
 */
final class MaskingWriter extends Writer {
    private final MaskingOutputStream masking;
    private final Writer target;
    private char pendingHighSurrogate;

    MaskingWriter(SecretMasker masker, Writer target) {
        this.target = Objects.requireNonNull(target, "target");
        this.masking = new MaskingOutputStream(masker, new DecodingStream(target));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        synchronized (lock) {
            StringBuilder sb = new StringBuilder(len + 1);
            if (pendingHighSurrogate != 0) {
                sb.append(pendingHighSurrogate);
                pendingHighSurrogate = 0;
            }
            sb.append(cbuf, off, len);
            if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                pendingHighSurrogate = sb.charAt(sb.length() - 1);
                sb.setLength(sb.length() - 1);
            }
            masking.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            masking.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (pendingHighSurrogate != 0) {
                masking.write(String.valueOf(pendingHighSurrogate).getBytes(StandardCharsets.UTF_8));
                pendingHighSurrogate = 0;
            }
            masking.close();
        }
    }

    /** UTF-8 bytes to chars, keeping an incomplete sequence for the next write. */
    private static final class DecodingStream extends OutputStream {
        private final Writer target;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer leftover = ByteBuffer.allocate(0);
        private final CharBuffer chars = CharBuffer.allocate(4096);

        DecodingStream(Writer target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer in;
            if (leftover.hasRemaining()) {
                in = ByteBuffer.allocate(leftover.remaining() + len);
                in.put(leftover).put(b, off, len).flip();
            } else {
                in = ByteBuffer.wrap(b, off, len);
            }
            decode(in, false);
            ByteBuffer rest = ByteBuffer.allocate(in.remaining());
            rest.put(in).flip();
            leftover = rest;
        }

        private void decode(ByteBuffer in, boolean endOfInput) throws IOException {
            while (true) {
                var result = decoder.decode(in, chars, endOfInput);
                chars.flip();
                target.write(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
                chars.clear();
                if (!result.isOverflow()) {
                    return;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            decode(leftover, true);
            leftover = ByteBuffer.allocate(0);
            decoder.flush(chars);
            chars.flip();
            target.write(chars.array(), 0, chars.remaining());
            chars.clear();
            target.close();
        }
    }
}
