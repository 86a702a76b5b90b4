package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.List;

/**
 * What a run of rules produced: the violations, and the problems that kept a rule from being decided (an
 * evaluation error, an exceeded budget). Any problem makes the run untrustworthy: hosts turn it into an ERROR.
 */
public record RuleOutcome(List<Violation> violations, List<Problem> problems, long evaluations, long memoHits) {
    public RuleOutcome {
        violations = List.copyOf(violations);
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return !problems.isEmpty();
    }
}
