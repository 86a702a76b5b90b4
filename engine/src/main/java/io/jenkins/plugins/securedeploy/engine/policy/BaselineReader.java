package io.jenkins.plugins.securedeploy.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a baseline written by {@link BaselineWriter}; anything else is a located {@link InvalidInputException}. */
public final class BaselineReader {
    public Baseline read(Path file, String displayName) {
        return read(Json.strict().readTree(file, displayName), displayName);
    }

    /** A baseline the host already read (a Jenkins workspace file, an earlier run's evidence). */
    public Baseline read(byte[] content, String displayName) {
        return read(Json.strict().readTree(new java.io.ByteArrayInputStream(content), displayName), displayName);
    }

    private Baseline read(JsonNode root, String displayName) {
        if (!BaselineWriter.FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new InvalidInputException(Problem.of("baseline.format", "not a secure-deploy baseline (expected "
                    + "format '" + BaselineWriter.FORMAT + "', version 1)", Location.ofPointer(displayName,
                    "/format", 0, 0)));
        }
        JsonNode findings = root.path("findings");
        List<Problem> problems = new ArrayList<>();
        List<BaselineEntry> entries = new ArrayList<>();
        if (!findings.isArray()) {
            problems.add(Problem.of("baseline.format", "'findings' must be an array",
                    Location.ofPointer(displayName, "/findings", 0, 0)));
        }
        for (int i = 0; i < findings.size(); i++) {
            JsonNode n = findings.get(i);
            String fp = n.path("fingerprint").asText("");
            if (fp.isBlank()) {
                problems.add(Problem.of("baseline.fingerprint", "entry has no fingerprint",
                        Location.ofPointer(displayName, "/findings/" + i + "/fingerprint", 0, 0)));
                continue;
            }
            entries.add(new BaselineEntry(fp, n.path("tool").asText(""), n.path("ruleId").asText(""),
                    Severity.parseOrUnknown(n.path("severity").asText("")), n.path("title").asText("")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Baseline.of(entries);
    }
}
