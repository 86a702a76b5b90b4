package io.jenkins.plugins.securedeploy.engine.scan.container;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.List;

/**
 * The hardening rules, as a port: the scanner parses, the rules (CEL, in {@code policy.rules.HardeningRules})
 * decide. A rule that could not be decided is a problem, and the scan result is then ERROR.
 */
public interface ContainerRules {
    /** The findings of every rule over {@code model}, findings of tool {@code tool}. */
    Result check(ContainerModel model, String tool);

    /** Findings, and the problems that kept rules from being decided. */
    record Result(List<Finding> findings, List<Problem> problems) {
        public Result {
            findings = List.copyOf(findings);
            problems = List.copyOf(problems);
        }
    }
}
