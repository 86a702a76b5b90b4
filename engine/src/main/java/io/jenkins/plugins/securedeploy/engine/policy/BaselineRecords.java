package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file of a {@link BaselineIndex}'s entries, in the baseline's order, one record each: the entry's ordinal
 * (8 bytes), its fingerprint (a 4-byte length and UTF-8; {@link #HEADER} is where its bytes start), tool and rule id
 * (the same way), the severity's ordinal (1 byte) and the title. Written once, then read from the start (to index
 * and to list entries) or at a record's offset (to compare a fingerprint).
 */
final class BaselineRecords {
    /** Bytes before a record's fingerprint: its ordinal and the fingerprint's length. */
    static final int HEADER = 12;
    private static final int BUFFER = 1 << 16;

    private BaselineRecords() {
    }

    /** Appends records to a new file. */
    static final class Writer implements Closeable {
        private final DataOutputStream out;
        private long records;

        Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
        }

        void add(BaselineEntry e) throws IOException {
            byte[] fp = e.fingerprint().getBytes(StandardCharsets.UTF_8);
            out.writeLong(records++);
            out.writeInt(fp.length);
            out.write(fp);
            string(e.tool());
            string(e.ruleId());
            out.writeByte(e.severity().ordinal());
            string(e.title());
        }

        /** Records written so far. */
        long records() {
            return records;
        }

        private void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads the file from its first record. */
    static final class Reader implements Closeable {
        private final DataInputStream in;

        Reader(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        }

        /** The next record's ordinal (the stream is then at its fingerprint). */
        long ordinal() throws IOException {
            return in.readLong();
        }

        /** The current record's fingerprint bytes. */
        byte[] fingerprint() throws IOException {
            byte[] fp = new byte[in.readInt()];
            in.readFully(fp);
            return fp;
        }

        /** Skips the rest of the current record (after its fingerprint); returns the bytes skipped. */
        long skipRest() throws IOException {
            long n = skipString() + skipString(); // tool, ruleId
            in.readUnsignedByte(); // severity
            return n + 1 + skipString(); // title
        }

        /** The rest of the current record, after its ordinal, as an entry. */
        BaselineEntry entry() throws IOException {
            String fp = string();
            String tool = string();
            String ruleId = string();
            Severity severity = Severity.values()[in.readUnsignedByte()];
            String title = string();
            return new BaselineEntry(fp, tool, ruleId, severity, title);
        }

        private String string() throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        private long skipString() throws IOException {
            int len = in.readInt();
            in.skipNBytes(len);
            return 4L + len;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
