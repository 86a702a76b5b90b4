package io.jenkins.plugins.securedeploy.jenkins.gate;

import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentTask;
import java.io.IOException;
import java.util.ArrayList;

/**
 * Reads policy and baseline from the workspace on the agent (engine path rules: no escaping the workspace). A file
 * that does not exist comes back as null; a path that is refused comes back as a problem text.
 */
final class GateFilesTask implements AgentTask<ArrayList<Object>> {
    private static final long serialVersionUID = 1L;
    /** Larger policy or baseline files are refused (the engine readers have their own limits too). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final String policy;
    private final String baseline;

    GateFilesTask(String policy, String baseline) {
        this.policy = policy;
        this.baseline = baseline;
    }

    /** [policy bytes or null, baseline bytes or null, problem text or ""]. */
    @Override
    public ArrayList<Object> run(Workspace workspace) throws IOException {
        ArrayList<Object> out = new ArrayList<>();
        try {
            out.add(read(workspace, policy));
            out.add(read(workspace, baseline));
            out.add("");
        } catch (SecureDeployException e) {
            out.clear();
            out.add(null);
            out.add(null);
            out.add(e.getMessage());
        }
        return out;
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
