package io.jenkins.plugins.securedeploy.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.PrettyJson;
import io.jenkins.plugins.securedeploy.engine.json.RawJsonSlice;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Relaxation;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link GateReport} as JSON with a fixed field order (diffable, stable across runs), valid against the
 * shipped {@code gate-report.schema.json}: pretty-printed, except that the {@code findings} and {@code fixed} lists
 * hold one element per line, each compact ({@link PrettyJson#elementPerLine()}), so that {@code grep} prints a whole
 * finding and {@code diff} shows one line per changed finding.
 */
public final class GateReportWriter {
    public static final String FORMAT = "secure-deploy-gate-report";
    public static final String SCHEMA = "/io/jenkins/plugins/securedeploy/engine/report/gate-report.schema.json";

    public void write(GateReport report, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write gate report " + file.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    public void write(GateReport r, OutputStream out) throws IOException {
        write(r, FindingOutcomes.of(r.findings()), out);
    }

    /**
     * The report with {@code all} as its findings list (a gate's every finding, streamed from disk) instead of the
     * findings the report model holds for display.
     */
    public void write(GateReport r, FindingOutcomes all, OutputStream out) throws IOException {
        writeWith(r, g -> all.forEach(o -> finding(g, o)), out);
    }

    /**
     * The report with {@code all} as its findings list, each finding already encoded by a {@link SpooledFindingWriter}
     * (a gate encodes each finding once, as it arrives, and keeps the bytes sorted on disk): the same bytes as
     * {@link #write(GateReport, FindingOutcomes, OutputStream)} writes for the same findings.
     */
    public void writeEncoded(GateReport r, EncodedFindings all, OutputStream out) throws IOException {
        RawJsonSlice slice = new RawJsonSlice();
        writeWith(r, g -> all.forEach(json -> g.writeRawValue(slice.set(json, 0, json.length))), out);
    }

    /**
     * The report with {@code all} as its findings list, each finding's JSON laid out from the spool by a
     * {@link SpooledFindingWriter} and handed over as part of a buffer: the same bytes as
     * {@link #writeEncoded} writes for the same findings.
     */
    public void writeLaidOut(GateReport r, LaidOutFindings all, OutputStream out) throws IOException {
        RawJsonSlice slice = new RawJsonSlice();
        writeWith(r, g -> all.forEach((b, off, len) -> g.writeRawValue(slice.set(b, off, len))), out);
    }

    /** Every finding's JSON, in the report's order, each as part of a buffer valid during the call. */
    @FunctionalInterface
    public interface LaidOutFindings {
        /** Receives one finding's bytes, {@code b[off, off + len)}. */
        @FunctionalInterface
        interface Visitor {
            void visit(byte[] b, int off, int len) throws IOException;
        }

        void forEach(Visitor visitor) throws IOException;
    }

    /** Every finding's JSON as a {@link SpooledFindingWriter} encoded it, in the report's order. */
    @FunctionalInterface
    public interface EncodedFindings {
        /** Receives one finding's bytes. */
        @FunctionalInterface
        interface Visitor {
            void visit(byte[] json) throws IOException;
        }

        void forEach(Visitor visitor) throws IOException;
    }

    /** Writes the findings array's elements. */
    @FunctionalInterface
    private interface FindingsArray {
        void write(JsonGenerator g) throws IOException;
    }

    private void writeWith(GateReport r, FindingsArray findings, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            PrettyJson printer = new PrettyJson();
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeStringField("generatedAt", r.generatedAt().toString());
            g.writeStringField("policy", r.policySource());
            decision(g, r);
            summary(g, r);
            printer.elementPerLine();
            g.writeArrayFieldStart("findings");
            findings.write(g);
            g.writeEndArray();
            printer.elementPerLine();
            g.writeArrayFieldStart("fixed");
            for (BaselineEntry e : r.fixed()) {
                BaselineWriter.writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("waivers");
            g.writeArrayFieldStart("applied");
            for (GateReport.AppliedWaiver a : r.waiversApplied()) {
                waiver(g, a.waiver(), a.findings());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("expired");
            for (Waiver w : r.waiversExpired()) {
                waiver(g, w, -1);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unused");
            for (Waiver w : r.waiversUnused()) {
                waiver(g, w, -1);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("relaxations");
            for (Relaxation x : r.relaxations()) {
                g.writeStartObject();
                g.writeStringField("setting", x.setting());
                g.writeStringField("value", x.value());
                g.writeStringField("secureDefault", x.secureDefault());
                g.writeStringField("writtenAt", x.writtenAt().describe());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("evidence");
            for (EvidenceEntry e : r.evidence()) {
                g.writeStartObject();
                g.writeStringField("kind", e.kind());
                g.writeStringField("name", e.name());
                g.writeStringField("digest", e.digest());
                g.writeStringField("status", e.status());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void decision(JsonGenerator g, GateReport r) throws IOException {
        g.writeObjectFieldStart("decision");
        g.writeStringField("verdict", r.verdict());
        g.writeStringField("headline", r.headline());
        g.writeBooleanField("allowsDeployment", r.allowsDeployment());
        if (r.override().isPresent()) {
            GateOverride o = r.override().get();
            g.writeObjectFieldStart("override");
            g.writeStringField("person", o.person());
            g.writeStringField("reason", o.reason());
            g.writeStringField("ticket", o.ticket());
            g.writeStringField("expires", String.valueOf(o.expires()));
            g.writeEndObject();
        } else {
            g.writeNullField("override");
        }
        g.writeArrayFieldStart("reasons");
        for (GateReason x : r.reasons()) {
            g.writeStartObject();
            g.writeStringField("outcome", x.outcome().name());
            g.writeStringField("rule", x.rule());
            g.writeStringField("severity", x.severity());
            g.writeStringField("category", x.category());
            g.writeStringField("tool", x.tool());
            g.writeNumberField("count", x.count());
            g.writeStringField("threshold", x.threshold());
            g.writeStringField("message", x.message());
            g.writeArrayFieldStart("fingerprints");
            for (String fp : x.fingerprints()) {
                g.writeString(fp);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, GateReport r) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("findings", r.totalFindings());
        g.writeNumberField("new", r.newCount());
        g.writeNumberField("fixed", r.fixed().size());
        g.writeBooleanField("baselinePresent", r.baselinePresent());
        g.writeObjectFieldStart("bySeverity");
        for (Severity s : GateReport.displayOrder()) {
            GateReport.SeverityCount c = r.bySeverity().get(s);
            g.writeObjectFieldStart(s.name());
            g.writeNumberField("total", c.total());
            g.writeNumberField("new", c.fresh());
            g.writeNumberField("waived", c.waived());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("tools");
        for (GateReport.ToolSummary t : r.tools()) {
            g.writeStartObject();
            g.writeStringField("tool", t.tool());
            g.writeStringField("version", t.version());
            g.writeStringField("source", t.source());
            g.writeStringField("status", t.status());
            g.writeNumberField("findings", t.findings());
            g.writeArrayFieldStart("problems");
            for (String p : t.problems()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString COUNTED = new SerializedString("counted");
    private static final SerializedString WAIVED_BY = new SerializedString("waivedBy");
    private static final SerializedString EXPIRED_WAIVER = new SerializedString("expiredWaiver");

    private static void finding(JsonGenerator g, FindingOutcome o) throws IOException {
        Finding f = o.finding();
        g.writeStartObject();
        FindingJsonWriter.writeFields(g, f);
        FindingJsonWriter.string(g, STATUS, o.isNew() ? "new" : "unchanged");
        g.writeFieldName(COUNTED);
        g.writeBoolean(o.counted());
        FindingJsonWriter.string(g, WAIVED_BY, o.waivedBy() == null ? null : o.waivedBy().describe());
        FindingJsonWriter.string(g, EXPIRED_WAIVER, o.expiredWaiver() == null ? null : o.expiredWaiver().describe());
        g.writeEndObject();
    }

    private static void waiver(JsonGenerator g, Waiver w, int findings) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", w.kind().key());
        g.writeStringField("value", w.value());
        g.writeStringField("tool", w.tool() == null ? "" : w.tool());
        g.writeStringField("owner", w.owner());
        g.writeStringField("reason", w.reason());
        g.writeStringField("ticket", w.ticket());
        g.writeStringField("expires", w.expires() == null ? null : w.expires().toString());
        g.writeStringField("declaredAt", w.declaredAt().describe());
        if (findings >= 0) {
            g.writeNumberField("findings", findings);
        }
        g.writeEndObject();
    }
}
