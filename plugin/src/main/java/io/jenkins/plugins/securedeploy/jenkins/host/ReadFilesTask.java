package io.jenkins.plugins.securedeploy.jenkins.host;

import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs on the agent: reads the small files a step decides on (policy, signatures, provenance) through the
 * engine's {@link Workspace} (which refuses paths outside the workspace), each at most {@code maxBytes}, and says
 * which ones are missing or too large for the host to name in its error. An artifact is only checked to exist: it
 * is streamed, never sent whole; so are the optional {@code streamed} files (a gate's baseline, of any size), which
 * are only checked to be inside the workspace and looked for. securityGate and secureDeploy both read their inputs
 * with it.
 */
public final class ReadFilesTask implements AgentTask<ReadFilesTask.Files> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> required;
    private final ArrayList<String> optional;
    private final String artifact;
    private final long maxBytes;
    private final ArrayList<String> streamed;

    /**
     * {@code required} files must exist; an absent {@code optional} one is skipped (an empty path is never read);
     * "" artifact = none; a file larger than {@code maxBytes} is refused.
     */
    public ReadFilesTask(List<String> required, List<String> optional, String artifact, long maxBytes) {
        this(required, optional, artifact, maxBytes, List.of());
    }

    /**
     * As above, and {@code streamed} optional files that are not read: {@link Files#present(String)} says which
     * exist (an empty path is never looked for; one outside the workspace is refused), for the host to stream.
     */
    public ReadFilesTask(List<String> required, List<String> optional, String artifact, long maxBytes,
            List<String> streamed) {
        this.required = new ArrayList<>(required);
        this.optional = new ArrayList<>(optional);
        this.artifact = artifact;
        this.maxBytes = maxBytes;
        this.streamed = new ArrayList<>(streamed);
    }

    /** What the agent read: path to content, and the paths it could not read with why. */
    public static final class Files implements Serializable {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, byte[]> content = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> refused = new LinkedHashMap<>();
        private final LinkedHashSet<String> present = new LinkedHashSet<>();

        /** Whether the streamed file {@code path} exists in the workspace (it was not read). */
        public boolean present(String path) {
            return present.contains(path);
        }

        /** The content of {@code path}, or {@code null} when it was absent (or refused). */
        public byte[] content(String path) {
            return content.get(path);
        }

        /** Path to why it could not be read, in the order asked. */
        public Map<String, String> refused() {
            return Collections.unmodifiableMap(refused);
        }

        /** The refusals as one line each ({@code path: why}); empty when everything could be read. */
        public List<String> refusals() {
            List<String> lines = new ArrayList<>();
            refused.forEach((path, why) -> lines.add(path + ": " + why));
            return lines;
        }
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
            if (!p.isEmpty()) {
                read(workspace, p, false, out);
            }
        }
        for (String p : streamed) {
            try {
                if (!p.isEmpty() && workspace.exists(p)) {
                    out.present.add(p);
                }
            } catch (SecureDeployException e) {
                out.refused.put(p, e.getMessage());
            }
        }
        return out;
    }

    private void read(Workspace workspace, String p, boolean isRequired, Files out) throws IOException {
        try {
            if (!workspace.exists(p)) {
                if (isRequired) {
                    out.refused.put(p, "does not exist");
                }
            } else if (workspace.size(p) > maxBytes) {
                out.refused.put(p, "is larger than " + maxBytes + " bytes");
            } else {
                out.content.put(p, workspace.read(p));
            }
        } catch (SecureDeployException e) {
            out.refused.put(p, e.getMessage());
        }
    }
}
