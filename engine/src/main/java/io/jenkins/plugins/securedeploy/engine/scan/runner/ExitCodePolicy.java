package io.jenkins.plugins.securedeploy.engine.scan.runner;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tool's exit code means. Codes in {@code clean} mean "ran, found nothing", codes in {@code findings} mean
 * "ran, found something"; every other code means the tool crashed or was misused, and its report is not trusted.
 */
public record ExitCodePolicy(Set<Integer> clean, Set<Integer> findings) {

    /** How one exit code is read. */
    public enum Verdict {
        CLEAN,
        FINDINGS,
        CRASHED
    }

    public ExitCodePolicy {
        clean = Set.copyOf(Objects.requireNonNull(clean, "clean"));
        findings = Set.copyOf(Objects.requireNonNull(findings, "findings"));
        for (Integer code : clean) {
            if (findings.contains(code)) {
                throw new IllegalArgumentException("exit code " + code + " cannot mean both clean and findings");
            }
        }
    }

    /** 0 is clean, every other code is a crash: tools that report findings only in their report. */
    public static ExitCodePolicy zeroOnly() {
        return new ExitCodePolicy(Set.of(0), Set.of());
    }

    /** 0 is clean, {@code findingsCode} means findings (bandit, shellcheck: 1), anything else is a crash. */
    public static ExitCodePolicy zeroOr(int findingsCode) {
        return new ExitCodePolicy(Set.of(0), Set.of(findingsCode));
    }

    public Verdict classify(int exitCode) {
        if (clean.contains(exitCode)) {
            return Verdict.CLEAN;
        }
        if (findings.contains(exitCode)) {
            return Verdict.FINDINGS;
        }
        return Verdict.CRASHED;
    }

    /** {@code clean: [0], findings: [1]}, sorted, for messages. */
    public String describe() {
        return "clean: " + new TreeSet<>(clean) + ", findings: " + new TreeSet<>(findings);
    }
}
