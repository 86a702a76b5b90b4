package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CLI's and FileMasker's copy loop gives byte for byte what the masker gives on the whole content at once. */
class MaskingCopyTest {
    @Test
    void shouldMaskLikeTheWholeContentAtOnceWhateverTheReads() throws Exception {
        Random random = new Random(21);
        List<SecretValue> secrets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            secrets.add(SecretValue.of("s3cr3t-" + i + "-" + Long.toHexString(random.nextLong())));
        }
        SecretMasker masker = SecretMasker.of(secrets);
        StringBuilder log = new StringBuilder();
        for (int line = 0; line < 60_000; line++) {
            log.append("[INFO] step ").append(line).append(" building module ");
            if (line % 97 == 0) {
                log.append("token=").append(secrets.get(line % 200).reveal());
            }
            log.append('\n');
        }
        byte[] content = log.toString().getBytes(StandardCharsets.UTF_8);
        byte[] expected = masker.mask(content);

        ByteArrayOutputStream big = new ByteArrayOutputStream();
        long masks = MaskingCopy.copy(masker, Channels.newChannel(new java.io.ByteArrayInputStream(content)), big, true);
        ByteArrayOutputStream trickle = new ByteArrayOutputStream();
        MaskingCopy.copy(masker, trickle(content, random), trickle, true);

        assertThat(big.toByteArray()).isEqualTo(expected);
        assertThat(trickle.toByteArray()).isEqualTo(expected);
        assertThat(masks).isEqualTo(619);
    }

    /** A channel that hands out the content in reads of 1 to 5000 bytes. */
    private static ReadableByteChannel trickle(byte[] content, Random random) {
        return new ReadableByteChannel() {
            private int at;

            @Override
            public int read(ByteBuffer dst) {
                if (at == content.length) {
                    return -1;
                }
                int n = Math.min(Math.min(dst.remaining(), 1 + random.nextInt(5000)), content.length - at);
                dst.put(content, at, n);
                at += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
