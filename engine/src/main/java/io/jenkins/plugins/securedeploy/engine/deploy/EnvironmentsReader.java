package io.jenkins.plugins.securedeploy.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRuleReader;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code environments} of a policy file (YAML or JSON), every problem located at its field:
 *
 * <pre>
 * environments:
 *   staging:
 *     credentials: {provider: local, audience: deploy-staging}
 *   prod:
 *     requires: staging                   # the digest must have been deployed to staging first
 *     policy: .secure-deploy.prod.yml     # optional: prod's own policy (never below the admin floor)
 *     approval: {required: 1, approvers: [alice, group:release], timeout: PT1H}
 *     credentials: {provider: local, audience: deploy-prod, variable: DEPLOY_TOKEN}
 * </pre>
 * A {@code requires} must name a declared environment, and the chain of requirements may not loop.
 */
public final class EnvironmentsReader {
    private static final Set<String> FIELDS = Set.of("requires", "policy", "approval", "credentials");
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("provider", "audience", "variable");

    /** The environments by name, in declaration order; empty when the policy declares none. */
    public Map<String, Environment> read(byte[] policy, String displayName) {
        LocatedTree tree = LocatedTree.read(policy, displayName, !looksLikeJson(policy));
        JsonNode all = tree.root().path("environments");
        Map<String, Environment> out = new LinkedHashMap<>();
        if (all.isMissingNode() || all.isNull()) {
            return out;
        }
        List<Problem> problems = new ArrayList<>();
        if (!all.isObject()) {
            throw new InvalidInputException(tree.problem("deploy.environments", "must be a mapping of environment "
                    + "names to their settings", "/environments"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "/environments/" + e.getKey();
            JsonNode node = e.getValue();
            if (!node.isObject()) {
                problems.add(tree.problem("deploy.environment", "must be a mapping (requires, policy, approval, "
                        + "credentials)", at));
                continue;
            }
            node.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    problems.add(tree.problem("deploy.unknown-field", "unknown field '" + f + "' (known: approval, "
                            + "credentials, policy, requires)", at));
                }
            });
            String requires = text(tree, node, "requires", at, problems);
            String policyFile = text(tree, node, "policy", at, problems);
            Optional<ApprovalRule> approval = Optional.empty();
            if (node.has("approval")) {
                try {
                    approval = Optional.of(new ApprovalRuleReader().read(tree, at + "/approval"));
                } catch (InvalidInputException ex) {
                    problems.addAll(ex.problems());
                }
            }
            out.put(e.getKey(), new Environment(e.getKey(), requires, policyFile, approval,
                    credentials(tree, node.path("credentials"), at + "/credentials", problems)));
        }
        checkRequirements(tree, out, problems);
        LocatedTree.failIfAny(problems);
        return out;
    }

    private static Optional<Environment.CredentialProfile> credentials(LocatedTree tree, JsonNode node, String at,
            List<Problem> problems) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(tree.problem("deploy.credentials", "must be a mapping (provider, audience, variable)", at));
            return Optional.empty();
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!CREDENTIAL_FIELDS.contains(f)) {
                problems.add(tree.problem("deploy.unknown-field", "unknown field '" + f + "' (known: audience, "
                        + "provider, variable)", at));
            }
        });
        String provider = text(tree, node, "provider", at, problems);
        String audience = text(tree, node, "audience", at, problems);
        if (provider.isEmpty() || audience.isEmpty()) {
            problems.add(tree.problem("deploy.credentials", "needs a provider and an audience", at));
            return Optional.empty();
        }
        String variable = text(tree, node, "variable", at, problems);
        if (!variable.isEmpty() && !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(tree.problem("deploy.credentials", "variable must be an environment variable name",
                    at + "/variable"));
        }
        return Optional.of(new Environment.CredentialProfile(provider, audience, variable));
    }

    private static void checkRequirements(LocatedTree tree, Map<String, Environment> envs, List<Problem> problems) {
        for (Environment env : envs.values()) {
            String at = "/environments/" + env.name() + "/requires";
            if (env.requires().isEmpty()) {
                continue;
            }
            if (!envs.containsKey(env.requires())) {
                problems.add(tree.problem("deploy.requires", "names '" + env.requires() + "', which is not a "
                        + "declared environment (declared: " + String.join(", ", envs.keySet()) + ")", at));
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(env.name()));
            String next = env.requires();
            while (!next.isEmpty() && envs.containsKey(next)) {
                if (chain.contains(next)) {
                    problems.add(tree.problem("deploy.requires", "the requirements loop: " + String.join(" -> ",
                            chain) + " -> " + next, at));
                    break;
                }
                chain.add(next);
                next = envs.get(next).requires();
            }
        }
    }

    private static String text(LocatedTree tree, JsonNode node, String field, String at, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            problems.add(tree.problem("deploy.not-text", "must be text", at + "/" + field));
            return "";
        }
        return v.asText().strip();
    }

    private static boolean looksLikeJson(byte[] content) {
        for (byte b : content) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return false;
    }
}
