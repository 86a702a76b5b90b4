package io.jenkins.plugins.securedeploy.jenkins.host;

import hudson.FilePath;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import java.io.InterruptedIOException;

/**
 * A workspace file the engine reads as a stream (over the channel from an agent), never held whole on the
 * controller: a gate's baseline of any size. The path has been checked to be inside the workspace by
 * {@link ReadFilesTask} first; the engine opens the stream once and names the file in every problem.
 */
public final class WorkspaceReports {
    private WorkspaceReports() {
    }

    /** {@code path} in {@code workspace}, named as the user wrote it, format detected from its first bytes. */
    public static ReportSource source(FilePath workspace, String path) {
        FilePath file = workspace.child(path);
        return new ReportSource(path, null, () -> {
            try {
                return file.read();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while opening " + path);
            }
        });
    }
}
