package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go {@code go.sum}: {@code module version h1:...} lines. A module whose only line is {@code version/go.mod} was
 * needed for version selection but not built, so it is not a component. The {@code h1:} value is a hash of a
 * directory tree, not of a file, so it is not recorded as a component hash.
 */
final class GoSumReader implements LockfileReader {
    @Override
    public String ecosystem() {
        return "golang";
    }

    @Override
    public LockfileContents read(InputStream in, String displayName) throws IOException {
        List<String> lines = LineSource.lines(in);
        Map<String, SbomComponent> out = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3 || !parts[2].startsWith("h1:")) {
                problems.add(Problem.of("go.sum.line", "expected: module version h1:hash",
                        Location.of(displayName, i + 1, 0)));
                continue;
            }
            if (parts[1].endsWith("/go.mod")) {
                continue;
            }
            String purl = Purls.golang(parts[0], parts[1]);
            int slash = parts[0].lastIndexOf('/');
            String group = slash > 0 ? parts[0].substring(0, slash) : "";
            String name = slash > 0 ? parts[0].substring(slash + 1) : parts[0];
            out.putIfAbsent(purl, new SbomComponent("golang", group, name, parts[1], purl, List.of(), Map.of(),
                    "required", purl));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LockfileContents(displayName, ecosystem(), new ArrayList<>(out.values()), List.of());
    }
}
