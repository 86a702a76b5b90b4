package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an {@link ApprovalLedger} as strict JSON ({@value #FORMAT}, version 1): the request (id, rule, shown,
 * submitter, commit authors), times, status and every entry. Files are replaced atomically (written beside, forced
 * to disk, then moved over), so a crash leaves the old ledger or the new one, never half of either.
 */
public final class ApprovalLedgerWriter {
    public static final String FORMAT = "secure-deploy-approval-ledger";

    public void write(ApprovalLedger ledger, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            write(ledger, bytes);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes.toByteArray());
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot write approval ledger " + file.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the write already failed with its own error
                }
            }
        }
    }

    public void write(ApprovalLedger ledger, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            ApprovalRequest r = ledger.request();
            g.writeStringField("id", r.id());
            g.writeStringField("status", ledger.status().name());
            g.writeStringField("requestedAt", ledger.requestedAt().toString());
            g.writeStringField("deadline", ledger.deadline().toString());
            if (ledger.decidedAt().isPresent()) {
                g.writeStringField("decidedAt", ledger.decidedAt().get().toString());
            }
            g.writeStringField("triggeredBy", r.triggeredBy());
            ApprovalDecisionWriter.strings(g, "commitAuthors", r.commitAuthors());
            g.writeFieldName("rule");
            ApprovalDecisionWriter.writeRule(g, r.rule());
            g.writeFieldName("shown");
            ApprovalDecisionWriter.writeShown(g, r.shown());
            g.writeStringField("shownFingerprint", r.shown().fingerprint().toString());
            g.writeArrayFieldStart("entries");
            for (LedgerEntry e : ledger.entries()) {
                g.writeStartObject();
                g.writeStringField("approver", e.approver());
                g.writeBooleanField("approved", e.approved());
                g.writeStringField("reason", e.reason());
                g.writeStringField("at", e.at().toString());
                ApprovalDecisionWriter.strings(g, "groups", e.groups());
                ApprovalDecisionWriter.strings(g, "roles", e.roles());
                g.writeStringField("shown", e.shown().toString());
                g.writeStringField("status", e.status().name());
                g.writeStringField("note", e.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
