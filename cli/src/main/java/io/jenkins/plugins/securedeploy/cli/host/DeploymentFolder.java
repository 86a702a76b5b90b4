package io.jenkins.plugins.securedeploy.cli.host;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerReader;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerWriter;
import io.jenkins.plugins.securedeploy.engine.deploy.ApprovalStore;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateReader;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateWriter;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The CLI's deployment folder ({@code --state-dir}, default {@code .secure-deploy}): the audit log every deployment
 * appends to ({@code audit.log}, the record promotion and rollback read), and per deployment
 * {@code deployments/<id>/state.json} (the secret-free state {@code --resume} continues from),
 * {@code deployments/<id>/approval.json} (the ledger {@code secure-deploy approve --ledger} votes on) and the
 * write-once evidence (gate report, attestations, bundle).
 */
public final class DeploymentFolder {
    private final Path root;

    public DeploymentFolder(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path auditLog() {
        return root.resolve("audit.log");
    }

    public Path folder(String id) {
        return root.resolve("deployments").resolve(id);
    }

    public Path stateFile(String id) {
        return folder(id).resolve("state.json");
    }

    public Path approvalFile(String id) {
        return folder(id).resolve("approval.json");
    }

    public FileSystemEvidenceStore evidence() {
        return new FileSystemEvidenceStore(root);
    }

    public void save(DeploymentState state) throws IOException {
        write(stateFile(state.id()), new DeploymentStateWriter().write(state));
    }

    public Optional<DeploymentState> load(String id) {
        Path f = stateFile(id);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeploymentStateReader().read(Files.readAllBytes(f), display(f)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + display(f), e);
        }
    }

    /** The approval ledger of deployment {@code id}, in {@code approval.json}. */
    public ApprovalStore approvals(String id) {
        Path f = approvalFile(id);
        return new ApprovalStore() {
            @Override
            public Optional<ApprovalLedger> load(String ledgerId) {
                return Files.isRegularFile(f) ? Optional.of(new ApprovalLedgerReader().read(f, display(f)))
                        : Optional.empty();
            }

            @Override
            public void save(ApprovalLedger ledger) throws IOException {
                Files.createDirectories(f.getParent());
                new ApprovalLedgerWriter().write(ledger, f);
            }
        };
    }

    private String display(Path f) {
        return f.toString().replace('\\', '/');
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
