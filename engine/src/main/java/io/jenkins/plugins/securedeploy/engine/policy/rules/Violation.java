package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.util.Objects;

/** One rule not holding for one subject: the rule, the rendered message and where. */
public record Violation(String ruleId, String message, Severity severity, Category category, boolean waivable,
        Location location, String subjectKey, PackageRef pkg) {
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        location = location == null ? Location.ofFile("") : location;
        subjectKey = subjectKey == null ? "" : subjectKey;
    }

    /** {@code file:line: [rule] message}. */
    public String describe() {
        return location.describe() + ": [" + ruleId + "] " + severity + " " + message;
    }
}
