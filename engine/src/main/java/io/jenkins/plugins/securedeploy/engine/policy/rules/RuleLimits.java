package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work rules may do, so that no rule can hang the gate: {@code maxIterations} bounds the comprehension
 * iterations ({@code all}, {@code exists}, {@code map}, {@code filter}, nested ones included) of one evaluation;
 * {@code timeBudget} bounds the whole run; {@code maxExpressionLength} bounds each expression's text (so the
 * non-comprehension part of an evaluation is bounded too). Exceeding a limit is an ERROR, never a pass.
 */
public record RuleLimits(int maxIterations, Duration timeBudget, int maxExpressionLength) {
    /** 1,000,000 iterations per evaluation, 60 s per run, 4,096 characters per expression. */
    public static final RuleLimits DEFAULT = new RuleLimits(1_000_000, Duration.ofSeconds(60), 4096);

    public RuleLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxIterations < 1 || timeBudget.isNegative() || timeBudget.isZero() || maxExpressionLength < 1) {
            throw new IllegalArgumentException("rule limits must be positive");
        }
    }
}
