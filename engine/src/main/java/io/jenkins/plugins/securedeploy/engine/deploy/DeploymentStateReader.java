package io.jenkins.plugins.securedeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link DeploymentStateWriter} wrote; anything else is a located {@link InvalidInputException}. */
public final class DeploymentStateReader {
    public DeploymentState read(byte[] content, String displayName) {
        JsonNode root = Json.strict().readTree(new ByteArrayInputStream(content), displayName);
        if (!DeploymentStateWriter.FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new InvalidInputException(Problem.of("deploy.state.format", "not a secure-deploy deployment state "
                    + "(expected format '" + DeploymentStateWriter.FORMAT + "', version 1)",
                    Location.ofPointer(displayName, "/format", 0, 0)));
        }
        try {
            List<PhaseResult> results = new ArrayList<>();
            for (JsonNode n : root.path("results")) {
                results.add(new PhaseResult(Phase.valueOf(n.path("phase").asText()),
                        PhaseStatus.valueOf(n.path("status").asText()), n.path("reason").asText(),
                        Instant.parse(n.path("at").asText())));
            }
            List<String> issued = new ArrayList<>();
            root.path("issued").forEach(n -> issued.add(n.asText()));
            return new DeploymentState(root.path("id").asText(), DeploymentKind.valueOf(root.path("kind").asText()),
                    root.path("environment").asText(), root.path("artifactName").asText(),
                    root.path("artifactSha256").asText(), Phase.valueOf(root.path("phase").asText()), results, issued,
                    root.path("waiting").asText(), Instant.parse(root.path("startedAt").asText()));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new InvalidInputException(Problem.of("deploy.state.invalid", "not a valid deployment state: "
                    + e.getClass().getSimpleName(), Location.ofFile(displayName)), e);
        }
    }
}
