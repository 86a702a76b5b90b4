package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons one bundle verification collects: failures (a check did not hold: FAILED) and errors (something could
 * not be read or checked at all: ERROR). Codes are {@code sigstore.<check>}.
 */
final class Findings {
    private final List<Problem> failures = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();

    void fail(String check, String message, Location where) {
        failures.add(Problem.of("sigstore." + check, message, where));
    }

    void error(String check, String message, Location where) {
        errors.add(Problem.of("sigstore." + check, message, where));
    }

    void errors(List<Problem> problems) {
        errors.addAll(problems);
    }

    boolean clean() {
        return failures.isEmpty() && errors.isEmpty();
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors first, then failures, each in the order found. */
    List<Problem> reasons() {
        List<Problem> all = new ArrayList<>(errors);
        all.addAll(failures);
        return List.copyOf(all);
    }
}
