package io.jenkins.plugins.securedeploy.engine.core;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: carries every problem found, each with its location. The message lists them. */
public class InvalidInputException extends SecureDeployException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem, Throwable cause) {
        super(problem.describe(), cause);
        this.problems = List.of(problem);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("InvalidInputException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).describe();
        }
        return problems.size() + " problems:\n"
                + problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
    }
}
