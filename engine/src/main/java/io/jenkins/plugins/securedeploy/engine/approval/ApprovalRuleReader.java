package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads an approval rule (JSON or YAML): {@code required}, {@code approvers} (user ids and {@code group:} names),
 * {@code requiredRoles}, {@code separationOfDuties} (default true), {@code timeout} (ISO-8601, default PT24H) and
 * {@code reasonRequired} (default true). Unknown fields and impossible rules are located errors.
 */
public final class ApprovalRuleReader {
    static final Set<String> FIELDS = Set.of("required", "approvers", "requiredRoles", "separationOfDuties",
            "timeout", "reasonRequired");

    public ApprovalRule read(Path file, String displayName) {
        LocatedTree tree = LocatedTree.read(bytes(file, displayName), displayName, isYaml(file));
        FieldReader r = new FieldReader(tree, "approval.rule");
        ApprovalRule rule = read(r, tree.root(), "");
        LocatedTree.failIfAny(r.problems());
        return rule;
    }

    /**
     * The rule at {@code pointer} of a document the caller already read (an environment's {@code approval} in a
     * policy file), every problem located in that document.
     *
     * @throws InvalidInputException listing every problem
     */
    public ApprovalRule read(LocatedTree tree, String pointer) {
        FieldReader r = new FieldReader(tree, "approval.rule");
        ApprovalRule rule = read(r, tree.root().at(pointer), pointer);
        LocatedTree.failIfAny(r.problems());
        return rule;
    }

    /** The rule at {@code pointer}; null (with problems recorded) when it is not valid. */
    static ApprovalRule read(FieldReader r, JsonNode node, String pointer) {
        if (!r.object(node, pointer, FIELDS)) {
            return null;
        }
        int required = r.integer(node, "required", pointer, 1, true);
        List<String> approvers = r.strings(node, "approvers", pointer, true);
        List<String> roles = r.strings(node, "requiredRoles", pointer, false);
        boolean sod = r.bool(node, "separationOfDuties", pointer, true, false);
        Duration timeout = r.duration(node, "timeout", pointer, ApprovalRule.DEFAULT_TIMEOUT);
        boolean reason = r.bool(node, "reasonRequired", pointer, true, false);
        if (!r.problems().isEmpty()) {
            return null;
        }
        try {
            return new ApprovalRule(required, approvers, roles, sod, timeout, reason);
        } catch (IllegalArgumentException e) {
            r.problem("invalid", e.getMessage(), pointer);
            return null;
        }
    }

    static byte[] bytes(Path file, String displayName) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.of("file.missing", "file does not exist",
                    Location.ofFile(displayName)), e);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read file: "
                    + e.getClass().getSimpleName(), Location.ofFile(displayName)), e);
        }
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}
