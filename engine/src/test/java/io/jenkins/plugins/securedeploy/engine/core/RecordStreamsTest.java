package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RecordStreamsTest {
    @Test
    void everyValueReadsBackExactlyAcrossBufferBoundaries() throws IOException {
        String big = "x".repeat(100_000);
        String wide = "€ü\u0000z".repeat(20_000); // above U+00FF: UTF-16 units
        byte[] blob = new byte[70_000];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordOutput out = new RecordOutput(bytes)) {
            for (int i = 0; i < 3; i++) {
                out.writeString("café-" + i);
                out.writeNullableString(null);
                out.writeNullableString("");
                out.writeString(big);
                out.writeString(wide);
                out.writeBytes(blob, 1, blob.length - 1);
                out.writeInt(-7);
                out.writeLong(Long.MIN_VALUE + i);
                out.writeDouble(Double.NaN);
                out.writeDouble(-0.5);
                out.writeBoolean(true);
                out.writeByte(255);
            }
        }
        try (RecordInput in = new RecordInput(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int i = 0; i < 3; i++) {
                assertThat(in.readString()).isEqualTo("café-" + i);
                assertThat(in.readNullableString()).isNull();
                assertThat(in.readNullableString()).isEmpty();
                assertThat(in.readString()).isEqualTo(big);
                assertThat(in.readString()).isEqualTo(wide);
                byte[] back = in.readBytes();
                assertThat(back).hasSize(blob.length - 1).startsWith(blob[1], blob[2]).endsWith(blob[blob.length - 1]);
                assertThat(in.readInt()).isEqualTo(-7);
                assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + i);
                assertThat(in.readDouble()).isNaN();
                assertThat(in.readDouble()).isEqualTo(-0.5);
                assertThat(in.readBoolean()).isTrue();
                assertThat(in.readByte()).isEqualTo(255);
            }
            assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aNullWhereAStringMustBeIsAnError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordOutput out = new RecordOutput(bytes)) {
            out.writeNullableString(null);
        }
        try (RecordInput in = new RecordInput(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThatThrownBy(in::readString).isInstanceOf(IOException.class).hasMessageContaining("null");
        }
    }
}
