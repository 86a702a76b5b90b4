package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEntry;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEntryReader;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerification;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code secure-deploy audit verify|show}: the tamper-evident audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify or show a hash-chained audit log (JSON Lines with signed checkpoints).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** {@code audit verify}: exit 0 INTACT, 1 TAMPERED (naming the first bad entry), 3 unreadable. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify every entry (number, hash, chain) and every signed checkpoint; name the first "
                    + "bad entry.", "Exit 0 intact, 1 tampered, 3 a file could not be read."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--log", required = true, paramLabel = "FILE", description = "The audit log (JSON Lines).")
        Path log;

        @Option(names = "--checkpoints", paramLabel = "FILE",
                description = "The checkpoint file (default: <log>.checkpoints).")
        Path checkpoints;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        /** Trusted keys, or the explicit relaxation. */
        static final class Trust {
            @Option(names = "--public-key", required = true, paramLabel = "PEM",
                    description = "A trusted checkpoint key (PEM SPKI: ECDSA P-256/P-384, Ed25519); repeatable.")
            List<Path> keys;

            @Option(names = "--chain-only", required = true, description = "Relaxation: check the hash chain "
                    + "only, not the signed checkpoints (truncation at the end goes undetected).")
            boolean chainOnly;
        }

        @Mixin
        SharedOptions shared;

        @Override
        public Integer call() {
            Output output = new Output(spec, shared);
            AuditVerifier verifier;
            if (trust.chainOnly) {
                verifier = AuditVerifier.chainOnly();
            } else {
                List<SignatureCheck> keys = new ArrayList<>();
                trust.keys.forEach(k -> keys.add(PublicKeyCheck.read(k)));
                verifier = new AuditVerifier(keys);
            }
            AuditVerification v = checkpoints == null ? verifier.verify(log) : verifier.verify(log, checkpoints);
            output.line(v.headline());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", v.status().name());
            doc.put("headline", v.headline());
            doc.put("entries", v.entries());
            doc.put("firstBadEntry", v.firstBadEntry());
            doc.put("checkpointsChecked", v.checkpointsChecked());
            doc.put("checkpoints", v.checkpoints());
            doc.put("lastCheckpoint", v.lastCheckpoint());
            doc.put("unsignedTail", v.unsignedTail());
            doc.put("problems", v.problems().stream().map(Problem::describe).toList());
            output.document(doc);
            switch (v.status()) {
                case INTACT:
                    return ExitCode.PASS;
                case TAMPERED:
                    return ExitCode.GATE_FAILED;
                default:
                    return ExitCode.ERROR;
            }
        }
    }

    /** {@code audit show}: entries as recorded (parsed, not verified). */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print audit entries (parsed, not verified: run 'audit verify' for that).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--log", required = true, paramLabel = "FILE", description = "The audit log (JSON Lines).")
        Path log;

        @Option(names = "--from", paramLabel = "N", defaultValue = "1", description = "First entry (default 1).")
        long from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
                description = "At most N entries (default 1000; 0 = all).")
        int limit;

        @Mixin
        SharedOptions shared;

        @Override
        public Integer call() {
            Output output = new Output(spec, shared);
            List<AuditEntry> entries = new AuditEntryReader().read(log, log.toString(), from, limit);
            entries.forEach(e -> output.line(e.describe()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AuditEntry e : entries) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", e.seq());
                row.put("at", e.at().toString());
                row.put("actor", e.actor());
                row.put("action", e.action());
                row.put("refs", e.refs().stream().map(r -> Map.of(r.kind(), r.value())).toList());
                row.put("note", e.note());
                row.put("prev", e.prev().toString());
                row.put("hash", e.hash().toString());
                rows.add(row);
            }
            output.document(Map.of("verified", false, "entries", rows));
            return ExitCode.PASS;
        }
    }
}
