package io.jenkins.plugins.securedeploy.jenkins.host;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Hashes workspace files on the agent (SHA-256, streamed): each pattern is a path or a glob, and one that matches no
 * file is a problem naming it (an attestation or approval about nothing must not pass). Returns path to
 * {@code sha256:<hex>}, in pattern order.
 */
public final class HashFilesTask implements AgentTask<LinkedHashMap<String, String>> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> patterns;
    private final String field;

    /** {@code field} names the step parameter in problems. */
    public HashFilesTask(List<String> patterns, String field) {
        this.patterns = new ArrayList<>(patterns);
        this.field = field;
    }

    @Override
    public LinkedHashMap<String, String> run(Workspace workspace) throws IOException {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String pattern : patterns) {
            List<String> files = pattern.contains("*") || pattern.contains("?") ? workspace.list(pattern)
                    : workspace.exists(pattern) ? List.of(pattern) : List.of();
            if (files.isEmpty()) {
                problems.add(Problem.of("workspace.no-match", "no file matches " + pattern, Location.ofFile(field)));
            }
            for (String f : files) {
                try (InputStream in = workspace.open(f)) {
                    out.put(f, Hashing.stream(in, Set.of(DigestAlgorithm.SHA256)).sha256().toString());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }
}
