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
 */
final class SarifResultRecord {
    private SarifResultRecord() {}

    static void write(RecordOutput out, SarifResultReader.Result r) throws IOException {
        out.writeLong(r.index);
        out.writeNullableString(r.ruleId);
        out.writeInt(r.ruleIndex);
        out.writeNullableString(r.level);
        out.writeNullableString(r.kind);
        out.writeNullableString(r.baselineState);
        out.writeNullableString(r.message);
        out.writeBoolean(r.location != null);
        if (r.location != null) {
            out.writeString(r.location.file());
            out.writeString(r.location.pointer());
            out.writeInt(r.location.line());
            out.writeInt(r.location.column());
        }
        out.writeInt(r.fingerprints == null ? -1 : r.fingerprints.size());
        if (r.fingerprints != null) {
            for (Map.Entry<String, String> e : r.fingerprints.entrySet()) {
                out.writeString(e.getKey());
                out.writeString(e.getValue());
            }
        }
        out.writeBoolean(r.unusableFingerprint);
        out.writeDouble(r.props.securitySeverity);
        out.writeBoolean(r.props.unusableSecuritySeverity);
        out.writeInt(r.props.tags.size());
        for (String tag : r.props.tags) {
            out.writeString(tag);
        }
        r.own.write(out);
    }

    static SarifResultReader.Result read(RecordInput in) throws IOException {
        SarifResultReader.Result r = new SarifResultReader.Result();
        r.index = in.readLong();
        r.ruleId = in.readNullableString();
        r.ruleIndex = in.readInt();
        r.level = in.readNullableString();
        r.kind = in.readNullableString();
        r.baselineState = in.readNullableString();
        r.message = in.readNullableString();
        if (in.readBoolean()) {
            r.location = new Location(in.readString(), in.readString(), in.readInt(), in.readInt());
        }
        int fingerprints = in.readInt();
        if (fingerprints >= 0) {
            r.fingerprints = new TreeMap<>();
            for (int i = 0; i < fingerprints; i++) {
                r.fingerprints.put(in.readString(), in.readString());
            }
        }
        r.unusableFingerprint = in.readBoolean();
        r.props.securitySeverity = in.readDouble();
        r.props.unusableSecuritySeverity = in.readBoolean();
        int tags = in.readInt();
        for (int i = 0; i < tags; i++) {
            r.props.tags.add(in.readString());
        }
        r.own.read(in);
        return r;
    }
}
