package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.RecordInput;
import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a spooled outcome, kept only when the gate also writes SARIF (never a file format anyone else
 * reads: it lives in a temporary folder for one gate run): a finding's fields as they are, its outcome with waivers
 * as their index in the policy. Strings keep every UTF-16 unit ({@link RecordOutput}), so what is read back is
 * exactly what was written.
 */
final class OutcomeCodec {
    private static final Severity[] SEVERITIES = Severity.values();
    private static final Category[] CATEGORIES = Category.values();

    private final List<Waiver> waivers;
    private final Map<Waiver, Integer> index = new IdentityHashMap<>();

    OutcomeCodec(List<Waiver> waivers) {
        this.waivers = List.copyOf(waivers);
        for (int i = 0; i < this.waivers.size(); i++) {
            index.putIfAbsent(this.waivers.get(i), i);
        }
    }

    /** The outcome: its finding, whether new and counted, its waivers as their index in the policy. */
    void write(RecordOutput out, FindingOutcome o) throws IOException {
        finding(out, o.finding());
        out.writeBoolean(o.isNew());
        out.writeBoolean(o.counted());
        out.writeInt(waiver(o.waivedBy()));
        out.writeInt(waiver(o.expiredWaiver()));
    }

    FindingOutcome read(RecordInput in) throws IOException {
        Finding f = finding(in);
        boolean isNew = in.readBoolean();
        boolean counted = in.readBoolean();
        Waiver w = waiver(in.readInt());
        Waiver expired = waiver(in.readInt());
        return new FindingOutcome(f, isNew, w, expired, counted);
    }

    private int waiver(Waiver w) {
        if (w == null) {
            return -1;
        }
        Integer i = index.get(w);
        if (i == null) {
            throw new IllegalStateException("an outcome names a waiver the policy does not declare");
        }
        return i;
    }

    private Waiver waiver(int i) {
        return i < 0 ? null : waivers.get(i);
    }

    static void finding(RecordOutput out, Finding f) throws IOException {
        str(out, f.tool());
        str(out, f.ruleId());
        str(out, f.title());
        out.writeByte(f.severity().ordinal());
        out.writeDouble(f.score());
        out.writeByte(f.category().ordinal());
        out.writeInt(f.ids().size());
        for (String id : f.ids()) {
            str(out, id);
        }
        PackageRef p = f.pkg();
        out.writeBoolean(p != null);
        if (p != null) {
            str(out, p.name());
            str(out, p.version());
            str(out, p.fixedVersion());
            str(out, p.purl());
        }
        Location l = f.location();
        str(out, l.file());
        str(out, l.pointer());
        out.writeInt(l.line());
        out.writeInt(l.column());
        str(out, f.fingerprint());
    }

    static Finding finding(RecordInput in) throws IOException {
        String tool = str(in);
        String ruleId = str(in);
        String title = str(in);
        Severity severity = SEVERITIES[in.readByte()];
        double score = in.readDouble();
        Category category = CATEGORIES[in.readByte()];
        int n = in.readInt();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(str(in));
        }
        PackageRef pkg = in.readBoolean() ? new PackageRef(str(in), str(in), str(in), str(in)) : null;
        Location location = new Location(str(in), str(in), in.readInt(), in.readInt());
        return new Finding(tool, ruleId, title, severity, score, category, ids, pkg, location, str(in));
    }

    static void str(RecordOutput out, String s) throws IOException {
        out.writeString(s);
    }

    static String str(RecordInput in) throws IOException {
        return in.readString();
    }
}
