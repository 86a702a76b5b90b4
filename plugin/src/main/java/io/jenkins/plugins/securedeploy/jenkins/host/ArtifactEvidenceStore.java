package io.jenkins.plugins.securedeploy.jenkins.host;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Fingerprint;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import hudson.tasks.Fingerprinter;
import io.jenkins.plugins.securedeploy.engine.core.HashingOutputStream;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.util.BuildListenerAdapter;

/**
 * The engine's {@link EvidenceStore} as build artifacts: each piece of evidence is written to a staging folder next
 * to the workspace ({@code <ws>@tmp/secure-deploy-evidence}, so the checkout stays clean), archived under
 * {@code secure-deploy/<name>} with the run's artifact manager (which may be S3 or another configured store), then
 * fingerprinted so it can be traced across jobs, and the staging file is removed. A report written as a stream (the
 * gate's files, of any size) is staged under the run's directory on the controller instead, where the engine writes
 * it. Callers mask content first.
 */
public final class ArtifactEvidenceStore implements EvidenceStore {
    /** Archive folder for all evidence. */
    public static final String ARCHIVE_FOLDER = "secure-deploy";

    private static final String STAGING_FOLDER = "secure-deploy-evidence";

    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;
    private final JenkinsFacade jenkins;
    private final List<EvidenceRef> stored = new ArrayList<>();

    public ArtifactEvidenceStore(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
            JenkinsFacade jenkins) {
        this.run = Objects.requireNonNull(run, "run");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.jenkins = Objects.requireNonNull(jenkins, "jenkins");
    }

    @Override
    public synchronized EvidenceRef store(String name, String mediaType, byte[] content) throws IOException {
        String path = WorkspacePaths.normalize(name);
        String archivePath = ARCHIVE_FOLDER + "/" + path;
        FilePath staging = stagingFolder();
        try {
            new AgentWorkspace(staging).act(new WriteEvidence(path, content));
            FilePath file = staging.child(path);
            String md5 = file.digest();
            run.pickArtifactManager().archive(staging, launcher, new BuildListenerAdapter(listener),
                    Map.of(archivePath, path));
            fingerprint(archivePath, md5);
            file.delete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while archiving evidence " + archivePath, e);
        }
        EvidenceRef ref = new EvidenceRef(archivePath, mediaType, EvidenceRef.digest(content), content.length);
        stored.add(ref);
        return ref;
    }

    /**
     * A report of any size, streamed: the engine writes it on the controller (where the gate runs) into a staging
     * folder under the run's own directory, never gathering it in memory, hashed as it is written; it is then archived
     * with the run's artifact manager and fingerprinted as above, and the staging file is removed.
     */
    @Override
    public synchronized EvidenceRef store(String name, String mediaType, Content content) throws IOException {
        String path = WorkspacePaths.normalize(name);
        String archivePath = ARCHIVE_FOLDER + "/" + path;
        Path staging = run.getRootDir().toPath().resolve(STAGING_FOLDER);
        Path file = staging.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            HashingOutputStream out = new HashingOutputStream(Files.newOutputStream(file), EvidenceRef.DIGESTS);
            try (out) {
                content.writeTo(out); // hashed as written, not read back
            }
            EvidenceRef ref = new EvidenceRef(archivePath, mediaType, out.digests(), out.size());
            String md5 = new FilePath(file.toFile()).digest();
            run.pickArtifactManager().archive(new FilePath(staging.toFile()), launcher,
                    new BuildListenerAdapter(listener), Map.of(archivePath, path));
            fingerprint(archivePath, md5);
            stored.add(ref);
            return ref;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while archiving evidence " + archivePath, e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public synchronized List<EvidenceRef> list() {
        return List.copyOf(stored);
    }

    private FilePath stagingFolder() throws IOException {
        FilePath temp = WorkspaceList.tempDir(workspace);
        if (temp == null) {
            throw new IOException("no temporary folder for workspace " + workspace.getRemote());
        }
        return temp.child(STAGING_FOLDER);
    }

    /** Records the archived file in Jenkins' fingerprint database, with this run as its origin and user. */
    private void fingerprint(String archivePath, String md5) throws IOException {
        Fingerprint fingerprint = jenkins.getFingerprintMap().getOrCreate(run, archivePath, md5);
        fingerprint.addFor(run);
        Map<String, String> record = Map.of(archivePath, fingerprint.getHashString());
        Fingerprinter.FingerprintAction action = run.getAction(Fingerprinter.FingerprintAction.class);
        if (action != null) {
            action.add(record);
        } else {
            run.addAction(new Fingerprinter.FingerprintAction(run, record));
        }
    }

    /** Writes one evidence file through the engine's workspace rules, on the agent. */
    private static final class WriteEvidence implements AgentTask<Long> {
        private static final long serialVersionUID = 1L;

        private final String path;
        private final byte[] content;

        WriteEvidence(String path, byte[] content) {
            this.path = path;
            this.content = content.clone();
        }

        @Override
        public Long run(Workspace workspace) throws IOException {
            workspace.write(path, content);
            return (long) content.length;
        }
    }
}
