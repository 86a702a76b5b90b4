package io.jenkins.plugins.securedeploy.jenkins.deploy;

import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Runs on the agent: reads the small files a deployment decides on (policy, signatures, provenance) through the
 * engine's {@link Workspace} (which refuses paths outside the workspace), and says which ones are missing or too large
 * for the host to name in its error. The artifact itself is only checked to exist: it is streamed, never sent whole.
 */
final class ReadFilesTask implements AgentTask<ReadFilesTask.Files> {
    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ArrayList<String> required;
    private final ArrayList<String> optional;
    private final String artifact;

    /** {@code required} files must exist; an absent {@code optional} one is skipped; "" artifact = none. */
    ReadFilesTask(List<String> required, List<String> optional, String artifact) {
        this.required = new ArrayList<>(required);
        this.optional = new ArrayList<>(optional);
        this.artifact = artifact;
    }

    /** What the agent read: path to content, and the paths it could not read with why. */
    static final class Files implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final LinkedHashMap<String, byte[]> content = new LinkedHashMap<>();
        final LinkedHashMap<String, String> refused = new LinkedHashMap<>();
    }

    @Override
    public Files run(Workspace workspace) throws IOException {
        Files out = new Files();
        try {
            if (!artifact.isEmpty() && !workspace.exists(artifact)) {
                out.refused.put(artifact, "the artifact does not exist in " + workspace.describe());
            }
        } catch (SecureDeployException e) {
            out.refused.put(artifact, e.getMessage());
        }
        for (String p : required) {
            read(workspace, p, true, out);
        }
        for (String p : optional) {
            read(workspace, p, false, out);
        }
        return out;
    }

    private static void read(Workspace workspace, String p, boolean required, Files out) throws IOException {
        try {
            if (!workspace.exists(p)) {
                if (required) {
                    out.refused.put(p, "does not exist");
                }
            } else if (workspace.size(p) > MAX_BYTES) {
                out.refused.put(p, "is larger than " + MAX_BYTES + " bytes");
            } else {
                out.content.put(p, workspace.read(p));
            }
        } catch (SecureDeployException e) {
            out.refused.put(p, e.getMessage());
        }
    }
}
