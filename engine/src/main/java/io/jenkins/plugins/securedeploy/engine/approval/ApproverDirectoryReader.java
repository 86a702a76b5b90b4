package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory.Membership;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a membership file (YAML or JSON) into a {@link StaticApproverDirectory}:
 * <pre>
 * users:
 *   alice: {groups: [release], roles: [security], aliases: [alice@example.com]}
 *   bob:   {groups: [release, ops]}
 * </pre>
 * The CLI's stand-in for a security realm. Unknown fields are located errors.
 */
public final class ApproverDirectoryReader {
    private static final Set<String> USER_FIELDS = Set.of("groups", "roles", "aliases");

    public StaticApproverDirectory read(Path file, String displayName) {
        LocatedTree tree = LocatedTree.read(ApprovalRuleReader.bytes(file, displayName), displayName,
                ApprovalRuleReader.isYaml(file));
        FieldReader r = new FieldReader(tree, "approval.members");
        List<Membership> members = new ArrayList<>();
        JsonNode root = tree.root();
        if (r.object(root, "", Set.of("users"))) {
            JsonNode users = root.get("users");
            if (users == null || !users.isObject()) {
                r.problem("type", "'users' must map user ids to their groups, roles and aliases", "/users");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = users.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = "/users/" + e.getKey();
                    JsonNode u = e.getValue().isNull() || (e.getValue().isTextual() && e.getValue().asText().isEmpty()) ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : e.getValue();
                    if (e.getKey().isBlank() || !r.object(u, p, USER_FIELDS)) {
                        continue;
                    }
                    members.add(new Membership(e.getKey(), new HashSet<>(r.strings(u, "aliases", p, false)),
                            new HashSet<>(r.strings(u, "groups", p, false)),
                            new HashSet<>(r.strings(u, "roles", p, false))));
                }
            }
        }
        LocatedTree.failIfAny(r.problems());
        return new StaticApproverDirectory(members);
    }
}
