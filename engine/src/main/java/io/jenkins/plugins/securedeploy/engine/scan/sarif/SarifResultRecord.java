package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.RecordInput;
import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SARIF result as {@link SarifResultReader} read it, as a binary record: what a run keeps of a result that comes
 * before its rules ({@link io.jenkins.plugins.securedeploy.engine.scan.DeferredRecords}), so that it is resolved at the
 * run's end without its JSON being copied and parsed again. Every field the finding is made from is kept, exactly; its
 * line is not (a deferred result's warnings name its pointer).
 *
 * <p>The fields a tool repeats from result to result (rule id, level, kind, baseline state, file, fingerprint names,
 * tags) are written once and then as the number of a recent value ({@link Recent}): one instance writes a run's
 * records and another, fresh one reads them back in the same order, so both number the values alike.
 */
final class SarifResultRecord {
    // how many recent values each field compares with: a miss costs that many equals, so a field whose values
    // rarely repeat but for runs of one (a result's file) keeps few
    private final Recent ruleIds = new Recent(8);
    private final Recent levels = new Recent(4);
    private final Recent kinds = new Recent(4);
    private final Recent baselineStates = new Recent(4);
    private final Recent files = new Recent(2);
    private final Recent pointers = new Recent(2);
    private final Recent fingerprintNames = new Recent(4);
    private final Recent tags = new Recent(8);

    void write(RecordOutput out, SarifResultReader.Result r) throws IOException {
        out.writeLong(r.index);
        ruleIds.write(out, r.ruleId);
        out.writeInt(r.ruleIndex);
        levels.write(out, r.level);
        kinds.write(out, r.kind);
        baselineStates.write(out, r.baselineState);
        out.writeNullableString(r.message);
        out.writeBoolean(r.location != null);
        if (r.location != null) {
            files.write(out, r.location.file());
            pointers.write(out, r.location.pointer());
            out.writeInt(r.location.line());
            out.writeInt(r.location.column());
        }
        out.writeInt(r.fingerprints == null ? -1 : r.fingerprints.size());
        if (r.fingerprints != null) {
            for (Map.Entry<String, String> e : r.fingerprints.entrySet()) {
                fingerprintNames.write(out, e.getKey());
                out.writeString(e.getValue());
            }
        }
        out.writeBoolean(r.unusableFingerprint);
        out.writeDouble(r.props.securitySeverity);
        out.writeBoolean(r.props.unusableSecuritySeverity);
        out.writeInt(r.props.tags().size());
        for (String tag : r.props.tags()) {
            tags.write(out, tag);
        }
        r.own.write(out);
    }

    SarifResultReader.Result read(RecordInput in) throws IOException {
        SarifResultReader.Result r = new SarifResultReader.Result();
        r.index = in.readLong();
        r.ruleId = ruleIds.read(in);
        r.ruleIndex = in.readInt();
        r.level = levels.read(in);
        r.kind = kinds.read(in);
        r.baselineState = baselineStates.read(in);
        r.message = in.readNullableString();
        if (in.readBoolean()) {
            String file = required(files.read(in));
            String pointer = required(pointers.read(in));
            r.location = new Location(file, pointer, in.readInt(), in.readInt());
        }
        int fingerprints = in.readInt();
        if (fingerprints >= 0) {
            r.fingerprints = new TreeMap<>();
            for (int i = 0; i < fingerprints; i++) {
                String name = required(fingerprintNames.read(in));
                r.fingerprints.put(name, in.readString());
            }
        }
        r.unusableFingerprint = in.readBoolean();
        r.props.securitySeverity = in.readDouble();
        r.props.unusableSecuritySeverity = in.readBoolean();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            r.props.addTag(required(tags.read(in)));
        }
        r.own.read(in);
        return r;
    }

    private static String required(String s) throws IOException {
        if (s == null) {
            throw new IOException("a record holds null where a string must be");
        }
        return s;
    }

    /**
     * The last few distinct values of one field, in the order they were first written: a value among them is written
     * as its number (a byte), any other as itself, and then replaces the oldest. Null is a value of its own.
     */
    static final class Recent {
        private static final int NULL = 0;
        private static final int NEW = 1;
        private final String[] values;
        private int next;

        Recent(int size) {
            values = new String[size];
        }

        void write(RecordOutput out, String s) throws IOException {
            if (s == null) {
                out.writeByte(NULL);
                return;
            }
            for (int i = 0; i < values.length; i++) {
                String v = values[i];
                if (v == null) {
                    break; // filled in order: nothing after a free slot
                }
                if (v.equals(s)) {
                    out.writeByte(NEW + 1 + i);
                    return;
                }
            }
            out.writeByte(NEW);
            out.writeString(s);
            remember(s);
        }

        String read(RecordInput in) throws IOException {
            int b = in.readByte();
            if (b == NULL) {
                return null;
            }
            if (b == NEW) {
                String s = in.readString();
                remember(s);
                return s;
            }
            String v = b - NEW - 1 < values.length ? values[b - NEW - 1] : null;
            if (v == null) {
                throw new IOException("a record names a value it did not hold");
            }
            return v;
        }

        private void remember(String s) {
            values[next] = s;
            next = (next + 1) % values.length;
        }
    }
}
