package io.jenkins.plugins.securedeploy.engine.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link DeploymentState} as JSON ({@value #FORMAT}, version 1), for hosts that persist it in a file (the CLI's
 * {@code deploy --resume}); {@link DeploymentStateReader} reads it back equal. It holds no secret: the state has none.
 */
public final class DeploymentStateWriter {
    public static final String FORMAT = "secure-deploy-deployment-state";

    public byte[] write(DeploymentState s) {
        ObjectNode root = Json.strict().mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("id", s.id());
        root.put("kind", s.kind().name());
        root.put("environment", s.environment());
        root.put("artifactName", s.artifactName());
        root.put("artifactSha256", s.artifactSha256());
        root.put("phase", s.phase().name());
        ArrayNode results = root.putArray("results");
        for (PhaseResult r : s.results()) {
            ObjectNode n = results.addObject();
            n.put("phase", r.phase().name());
            n.put("status", r.status().name());
            n.put("reason", r.reason());
            n.put("at", r.at().toString());
        }
        ArrayNode issued = root.putArray("issued");
        s.issued().forEach(issued::add);
        root.put("waiting", s.waiting());
        root.put("startedAt", s.startedAt().toString());
        try {
            return Json.strict().mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render deployment state " + s.id(), e);
        }
    }
}
