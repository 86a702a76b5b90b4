package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Writer adapter (the CLI's console goes through it): same masking as the stream, chars intact. */
class MaskingWriterTest {
    private final SecretMasker masker = SecretMasker.of(List.of(SecretValue.of("s3cr3t-tok3n")));

    /** Records content and flushes. */
    static final class RecordingWriter extends StringWriter {
        int flushes;
        boolean closed;

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void shouldMaskAcrossWritesAndHonourOffsets() throws IOException {
        RecordingWriter target = new RecordingWriter();
        Writer w = masker.wrap(target);
        char[] chunk = "xxtoken=s3cr".toCharArray();
        w.write(chunk, 2, chunk.length - 2);
        w.write("3t-tok3n done\n");
        w.close();

        assertThat(target.toString()).isEqualTo("token=**** done\n");
        assertThat(target.closed).isTrue();
    }

    @Test
    void shouldPassFlushThroughAndShowCompletedLinesAtOnce() throws IOException {
        RecordingWriter target = new RecordingWriter();
        Writer w = masker.wrap(target);
        w.write("build step 1 ok\n");
        w.flush();

        assertThat(target.toString()).isEqualTo("build step 1 ok\n");
        assertThat(target.flushes).isPositive();
    }

    @Test
    void shouldKeepSurrogatePairsAndMultibyteTextIntactAcrossWrites() throws IOException {
        RecordingWriter target = new RecordingWriter();
        Writer w = masker.wrap(target);
        String emoji = "\uD83D\uDE00";
        w.write(emoji.substring(0, 1));
        w.write(emoji.substring(1) + " s3cr3t-tok3n ü");
        String big = "ä€𝄞".repeat(3000);
        w.write(big);
        w.close();

        assertThat(target.toString()).isEqualTo(emoji + " **** ü" + big);
    }

    @Test
    void shouldEmitALoneHighSurrogateOnCloseRatherThanDropIt() throws IOException {
        RecordingWriter target = new RecordingWriter();
        Writer w = masker.wrap(target);
        w.write("end\uD83D");
        w.close();

        assertThat(target.toString()).startsWith("end").hasSize(4);
    }
}
