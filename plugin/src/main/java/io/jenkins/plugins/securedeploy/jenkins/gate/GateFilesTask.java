package io.jenkins.plugins.securedeploy.jenkins.gate;

import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentTask;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads policy and baseline from the workspace on the agent (engine path rules: no escaping the workspace). A file
 * that does not exist comes back as null; a path that is refused comes back as a problem text.
 */
final class GateFilesTask implements AgentTask<GateFilesTask.GateFiles> {
    private static final long serialVersionUID = 1L;
    /** Larger policy or baseline files are refused (the engine readers have their own limits too). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final String policy;
    private final String baseline;

    GateFilesTask(String policy, String baseline) {
        this.policy = policy;
        this.baseline = baseline;
    }

    /** What came back from the agent: the files (null where absent) or why they were refused. */
    static final class GateFiles implements Serializable {
        private static final long serialVersionUID = 1L;
        final byte[] policy;
        final byte[] baseline;
        final String refused;

        GateFiles(byte[] policy, byte[] baseline, String refused) {
            this.policy = policy;
            this.baseline = baseline;
            this.refused = refused;
        }
    }

    @Override
    public GateFiles run(Workspace workspace) throws IOException {
        try {
            return new GateFiles(read(workspace, policy), read(workspace, baseline), "");
        } catch (SecureDeployException e) {
            return new GateFiles(null, null, e.getMessage());
        }
    }

    private static byte[] read(Workspace workspace, String path) throws IOException {
        if (path.isEmpty() || !workspace.exists(path)) {
            return null;
        }
        if (workspace.size(path) > MAX_BYTES) {
            throw new SecureDeployException(path + " is larger than " + MAX_BYTES + " bytes");
        }
        return workspace.read(path);
    }
}
