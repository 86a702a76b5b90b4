package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {
    private final SecretMasker masker = SecretMasker.of(List.of(SecretValue.of("hunter22"), SecretValue.of("ключ-🔑-key")));
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final MaskingOutputStream out = masker.wrap(sink);

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private String emitted() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldMaskASecretSplitAcrossWrites() throws IOException {
        write("pass=hun");
        assertThat(emitted()).isEqualTo("pass=");
        write("ter");
        write("22 done\n");
        assertThat(emitted()).isEqualTo("pass=**** done\n");
    }

    @Test
    void shouldMaskASecretWrittenOneByteAtATime() throws IOException {
        for (byte b : "a hunter22 b ключ-🔑-key c".getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
        }
        out.close();
        assertThat(emitted()).isEqualTo("a **** b **** c");
    }

    @Test
    void shouldEmitALineWithoutASecretPrefixAtOnce() throws IOException {
        write("compiling module 1 of 3\n");
        assertThat(emitted()).isEqualTo("compiling module 1 of 3\n");
        assertThat(out.heldBytes()).isZero();
        write("progress 50%.");
        assertThat(emitted()).endsWith("progress 50%.");
    }

    @Test
    void shouldHoldOnlyALivePrefixAndReleaseItWhenItCannotBecomeASecret() throws IOException {
        write("user hunt");
        assertThat(emitted()).isEqualTo("user ");
        assertThat(out.heldBytes()).isEqualTo(4);
        write("ing\n");
        assertThat(emitted()).isEqualTo("user hunting\n");
        assertThat(out.heldBytes()).isZero();
    }

    @Test
    void shouldKeepALivePrefixOnFlushButEmitACompletedMask() throws IOException {
        write("x hunter22");
        out.flush();
        assertThat(emitted()).isEqualTo("x ****");
        write(" y hunter");
        out.flush();
        assertThat(emitted()).isEqualTo("x **** y ");
        out.close();
        assertThat(emitted()).isEqualTo("x **** y hunter");
    }

    @Test
    void shouldMergeAdjacentSecretsAcrossWrites() throws IOException {
        write("hunter22");
        write("hunter22\n");
        assertThat(emitted()).isEqualTo("****\n");
        assertThat(out.maskCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseWritesAfterCloseAndCloseOnce() throws IOException {
        out.close();
        out.close();
        assertThatThrownBy(() -> write("x")).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldMaskThroughTheWriterAdapterWithSplitSurrogates() throws IOException {
        StringWriter target = new StringWriter();
        Writer w = masker.wrap(target);
        String text = "k=ключ-🔑-key; hunter22\n";
        for (char c : text.toCharArray()) {
            w.write(c);
        }
        w.flush();
        assertThat(target).hasToString("k=****; ****\n");
        w.write("tail 🔑");
        w.close();
        assertThat(target).hasToString("k=****; ****\ntail 🔑");
    }
}
