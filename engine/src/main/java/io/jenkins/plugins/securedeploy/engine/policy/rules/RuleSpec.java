package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.util.Map;
import java.util.Objects;

/**
 * A rule as written (not yet compiled): an id, the {@code scope} it is evaluated for (once per deploy, or once per
 * finding / component / … — each vocabulary names its scopes), an optional {@code when} condition selecting the
 * subjects it applies to, the {@code require} condition that must hold (false = a violation), a message template
 * ({@code {{expression}}} parts are CEL too), the severity and category of its violations, and whether a waiver may
 * let a violation through. {@code at} maps {@code rule}, {@code when}, {@code require}, {@code message} to where they
 * are written; {@code origin} says whether the rule comes from the admin floor or the project policy.
 */
public record RuleSpec(String id, String scope, String when, String require, String message, Severity severity,
        Category category, boolean waivable, String description, String fix, Origin origin,
        Map<String, Location> at) {

    /** Where a rule was written. Floor rules cannot be redefined or removed by a project. */
    public enum Origin {
        FLOOR,
        PROJECT,
        BUILT_IN
    }

    public RuleSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        when = when == null ? "" : when;
        Objects.requireNonNull(require, "require");
        message = message == null || message.isBlank() ? "rule " + id + " is violated" : message;
        severity = severity == null ? Severity.CRITICAL : severity;
        category = category == null ? Category.OTHER : category;
        description = description == null ? "" : description;
        fix = fix == null ? "" : fix;
        origin = origin == null ? Origin.PROJECT : origin;
        at = at == null ? Map.of() : Map.copyOf(at);
    }

    /** Where {@code part} ({@code rule}, {@code when}, {@code require}, {@code message}) is written. */
    public Location locate(String part) {
        Location l = at.get(part);
        if (l != null) {
            return l;
        }
        Location rule = at.get("rule");
        return rule != null ? rule : Location.ofFile("");
    }

    public RuleSpec withOrigin(Origin value) {
        return new RuleSpec(id, scope, when, require, message, severity, category, waivable, description, fix, value,
                at);
    }
}
