package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerReader;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerWriter;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRequest;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRuleReader;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalStatus;
import io.jenkins.plugins.securedeploy.engine.approval.ApproverDirectoryReader;
import io.jenkins.plugins.securedeploy.engine.approval.Ballot;
import io.jenkins.plugins.securedeploy.engine.approval.LedgerEntry;
import io.jenkins.plugins.securedeploy.engine.approval.ShownReader;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy approve}: casts one vote on a persisted approval ledger and prints the new state. Exit 0 the
 * vote counted (PENDING or APPROVED), 1 the vote was refused or the ledger is REJECTED / EXPIRED, 2 usage, 3 error.
 * {@code approve request} opens a ledger; {@code approve status} prints it (exit 0 only when APPROVED).
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Vote on an approval request kept in a ledger file (quorum, separation of duties, required "
                + "roles, timeout = rejection).", "Group membership comes from --members (the CLI's user directory)."},
        subcommands = {ApproveCommand.Request.class, ApproveCommand.Status.class})
public final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", paramLabel = "FILE", description = "The approval ledger (JSON), updated in place.")
    Path ledger;

    @Option(names = "--approver", paramLabel = "ID", description = "Who votes (the user id the CI authenticated).")
    String approver;

    @ArgGroup(exclusive = true)
    Choice choice;

    /** Approve or reject: exactly one. */
    static final class Choice {
        @Option(names = "--approve", required = true, description = "Approve.")
        boolean approve;

        @Option(names = "--reject", required = true, description = "Reject (ends the request).")
        boolean reject;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required unless the rule relaxes it).")
    String reason;

    @Option(names = "--members", paramLabel = "FILE",
            description = "Membership file (YAML/JSON): users with their groups, roles and aliases.")
    Path members;

    @Option(names = "--shown", paramLabel = "FINGERPRINT", description = "The fingerprint of what you reviewed "
            + "(printed by 'approve status'); the vote is refused if the ledger now shows something else. "
            + "Default: what the ledger shows now.")
    String shown;

    @Mixin
    SharedOptions shared;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (ledger == null || approver == null || choice == null || members == null) {
            throw new ParameterException(spec.commandLine(), "approve needs --ledger, --approver, --approve or "
                    + "--reject, and --members (or use 'approve request' / 'approve status')");
        }
        Output output = new Output(spec, shared);
        ApprovalLedger current = read(ledger);
        Digest seen = shown == null ? current.request().shown().fingerprint() : parseDigest(shown);
        Ballot ballot = new Ballot(approver, choice.approve, reason, seen);
        ApprovalLedger.VoteResult result = current.vote(ballot,
                new ApproverDirectoryReader().read(members, members.toString()), clock);
        new ApprovalLedgerWriter().write(result.ledger(), ledger);
        LedgerEntry e = result.entry();
        output.line("Vote: " + e.describe());
        print(output, result.ledger(), false, Map.of("vote", vote(e)));
        ApprovalStatus status = result.ledger().status();
        boolean counted = result.accepted() && (status == ApprovalStatus.PENDING || status == ApprovalStatus.APPROVED);
        return counted ? ExitCode.PASS : ExitCode.GATE_FAILED;
    }

    static ApprovalLedger read(Path file) {
        return new ApprovalLedgerReader().read(file, file.toString());
    }

    static Digest parseDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.of("approval.shown", "--shown must be a digest such as "
                    + "sha256:<64 hex>: " + e.getMessage(), Location.ofFile("--shown")), e);
        }
    }

    /** The state after the command: one line for people, one document for machines. */
    static void print(Output output, ApprovalLedger l, boolean withShown, Map<String, Object> extra) {
        output.line("Approval " + l.id() + ": " + l.describe());
        if (withShown) {
            output.line("Shown: " + l.request().shown().describe() + " (fingerprint "
                    + l.request().shown().fingerprint() + ")");
        }
        l.request().rule().relaxations().forEach(r -> output.line("  relaxed: " + r));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", l.id());
        doc.put("status", l.status().name());
        doc.put("summary", l.describe());
        doc.put("approvals", l.approvals());
        doc.put("required", l.request().rule().required());
        doc.put("missingRoles", l.missingRoles());
        doc.put("requestedAt", l.requestedAt().toString());
        doc.put("deadline", l.deadline().toString());
        doc.put("decidedAt", l.decidedAt().map(Object::toString).orElse(null));
        doc.put("shownFingerprint", l.request().shown().fingerprint().toString());
        doc.put("relaxations", l.request().rule().relaxations());
        doc.putAll(extra);
        List<Map<String, Object>> entries = new ArrayList<>();
        l.entries().forEach(e -> entries.add(vote(e)));
        doc.put("entries", entries);
        output.document(doc);
    }

    static Map<String, Object> vote(LedgerEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("approver", e.approver());
        v.put("approved", e.approved());
        v.put("reason", e.reason());
        v.put("at", e.at().toString());
        v.put("groups", e.groups());
        v.put("status", e.status().name());
        v.put("note", e.note());
        return v;
    }

    /** {@code approve request}: opens a new ledger file. */
    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Open an approval request: a rule, what approvers are shown, who may not approve.")
    static final class Request implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ledger", required = true, paramLabel = "FILE", description = "Ledger file to create.")
        Path ledger;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "Request id, e.g. app#42/prod.")
        String id;

        @Option(names = "--rule", required = true, paramLabel = "FILE", description = "Approval rule (YAML/JSON).")
        Path rule;

        @Option(names = "--shown", required = true, paramLabel = "FILE",
                description = "What approvers see (YAML/JSON): artifactDigest, gateVerdict, gateReasons, ...")
        Path shown;

        @Option(names = "--triggered-by", paramLabel = "ID", description = "Who started the build (cannot approve).")
        String triggeredBy;

        @Option(names = "--commit-author", paramLabel = "ID", description = "A commit author (cannot approve; "
                + "repeatable; user id or e-mail).")
        List<String> commitAuthors = new ArrayList<>();

        @Mixin
        SharedOptions shared;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            if (Files.exists(ledger)) {
                throw new InvalidInputException(Problem.of("approval.exists", "the ledger already exists; a request "
                        + "is opened once", Location.ofFile(ledger.toString())));
            }
            ApprovalRequest request;
            try {
                request = new ApprovalRequest(id, new ApprovalRuleReader().read(rule, rule.toString()),
                        new ShownReader().read(shown, shown.toString()), triggeredBy, commitAuthors);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Problem.of("approval.request", e.getMessage(),
                        Location.ofFile("--id")), e);
            }
            ApprovalLedger l = ApprovalLedger.open(request, clock);
            new ApprovalLedgerWriter().write(l, ledger);
            print(new Output(spec, shared), l, true, Map.of());
            return ExitCode.PASS;
        }
    }

    /** {@code approve status}: the ledger now (a PENDING request past its deadline is EXPIRED). */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print an approval request's state. Exit 0 only when APPROVED.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ledger", required = true, paramLabel = "FILE", description = "The approval ledger.")
        Path ledger;

        @Mixin
        SharedOptions shared;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            ApprovalLedger stored = read(ledger);
            ApprovalLedger now = stored.expireIfDue(clock);
            if (now != stored) {
                new ApprovalLedgerWriter().write(now, ledger);
            }
            Output output = new Output(spec, shared);
            now.entries().forEach(e -> output.line("  " + e.describe()));
            print(output, now, true, Map.of());
            return now.status().allowsDeployment() ? ExitCode.PASS : ExitCode.GATE_FAILED;
        }
    }
}
