package io.jenkins.plugins.securedeploy.engine.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is asked: an approval {@code id} (unique per request, e.g. {@code job/name#42/deploy-prod}), the rule, what
 * approvers are shown, and who may not approve under separation of duties — the user who {@code triggeredBy} the
 * build (empty when a timer or SCM change started it) and the {@code commitAuthors} (user ids or e-mail addresses).
 */
public record ApprovalRequest(String id, ApprovalRule rule, Shown shown, String triggeredBy,
        List<String> commitAuthors) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#@+=-]{0,199}");

    public ApprovalRequest {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an approval id is 1-200 characters of letters, digits and ._:/#@+=- "
                    + "starting with a letter or digit");
        }
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(shown, "shown");
        triggeredBy = triggeredBy == null ? "" : triggeredBy.strip();
        commitAuthors = commitAuthors == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(commitAuthors.stream().map(String::strip)
                        .filter(a -> !a.isEmpty()).toList()));
    }

    public ApprovalRequest withShown(Shown newShown) {
        return new ApprovalRequest(id, rule, newShown, triggeredBy, commitAuthors);
    }
}
