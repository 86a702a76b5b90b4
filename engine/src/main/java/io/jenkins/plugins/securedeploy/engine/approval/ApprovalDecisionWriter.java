package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link ApprovalDecision} as the approval predicate's JSON body ({@code decision}, {@code rule},
 * {@code votes}, {@code shown}, {@code requestedAt}, {@code decidedAt}) — what the attestor wraps in an in-toto
 * statement. The rule and shown blocks are written the same way in the ledger file.
 */
public final class ApprovalDecisionWriter {
    /** The predicate body as UTF-8 JSON bytes, fields in the documented order. */
    public byte[] write(ApprovalDecision decision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            write(g, decision);
        } catch (IOException e) {
            throw new EnvironmentException("cannot encode the approval decision: " + e.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    public static void write(JsonGenerator g, ApprovalDecision d) throws IOException {
        g.writeStartObject();
        g.writeStringField("decision", d.decision().name());
        g.writeFieldName("rule");
        writeRule(g, d.rule());
        g.writeArrayFieldStart("votes");
        for (ApprovalVote v : d.votes()) {
            g.writeStartObject();
            g.writeStringField("approver", v.approver());
            g.writeBooleanField("approved", v.approved());
            g.writeStringField("reason", v.reason());
            g.writeStringField("at", v.at().toString());
            strings(g, "groups", v.groups());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("shown");
        writeShown(g, d.shown());
        g.writeStringField("requestedAt", d.requestedAt().toString());
        g.writeStringField("decidedAt", d.decidedAt().toString());
        g.writeEndObject();
    }

    public static void writeRule(JsonGenerator g, ApprovalRule r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("required", r.required());
        strings(g, "approvers", r.approvers());
        strings(g, "requiredRoles", r.requiredRoles());
        g.writeBooleanField("separationOfDuties", r.separationOfDuties());
        g.writeStringField("timeout", r.timeout().toString());
        g.writeBooleanField("reasonRequired", r.reasonRequired());
        g.writeEndObject();
    }

    public static void writeShown(JsonGenerator g, Shown s) throws IOException {
        g.writeStartObject();
        g.writeFieldName("artifactDigest");
        writeDigests(g, s.artifactDigest());
        g.writeStringField("gateVerdict", s.gateVerdict().name());
        strings(g, "gateReasons", s.gateReasons());
        g.writeObjectFieldStart("findingsSummary");
        for (Map.Entry<?, Integer> e : s.findingsSummary().entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        strings(g, "waiversApplied", s.waiversApplied());
        if (s.sbomDigest().isPresent()) {
            g.writeFieldName("sbomDigest");
            writeDigests(g, s.sbomDigest().get());
        }
        if (s.provenanceDigest().isPresent()) {
            g.writeFieldName("provenanceDigest");
            writeDigests(g, s.provenanceDigest().get());
        }
        g.writeEndObject();
    }

    /** An in-toto digest map: {@code {"sha256": "<hex>", ...}}. */
    public static void writeDigests(JsonGenerator g, DigestSet set) throws IOException {
        g.writeStartObject();
        for (var d : set.digests().values()) {
            g.writeStringField(d.algorithm().id(), d.hex());
        }
        g.writeEndObject();
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
