package io.jenkins.plugins.securedeploy.engine.policy.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Runs compiled rules: a scope without a subject once, a scoped rule once per subject of its scope. A rule is
 * violated where {@code when} holds (or is absent) and {@code require} does not. Fails closed: an evaluation error
 * (e.g. a missing map key), more comprehension iterations than {@link RuleLimits#maxIterations()} in one
 * evaluation, or a run longer than {@link RuleLimits#timeBudget()} is a problem in the outcome, which hosts report
 * as ERROR. Results of a scoped rule are memoised on the subject fields it reads (CEL is side-effect free and the
 * globals are fixed within a run), so 100 rules over 100,000 findings evaluate each distinct combination once.
 */
public final class RuleEvaluator {
    /** At most this many memoised results per rule; beyond it every subject is evaluated. */
    static final int MEMO_LIMIT = 65_536;

    private final RuleLimits limits;
    private final LongSupplier nanoTime;
    private final boolean memoise;

    public RuleEvaluator(RuleLimits limits) {
        this(limits, System::nanoTime, true);
    }

    RuleEvaluator(RuleLimits limits, LongSupplier nanoTime) {
        this(limits, nanoTime, true);
    }

    private RuleEvaluator(RuleLimits limits, LongSupplier nanoTime, boolean memoise) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.memoise = memoise;
    }

    /** The same evaluator evaluating every subject (no memoisation): the benchmark's measure of plain CEL. */
    public RuleEvaluator withoutMemoisation() {
        return new RuleEvaluator(limits, nanoTime, false);
    }

    public RuleEvaluator() {
        this(RuleLimits.DEFAULT);
    }

    /**
     * Evaluates {@code rules} with the variables of {@code globals} (an instance of the vocabulary's globals record)
     * and, for scoped rules, every subject in {@code subjects.get(scope)}.
     */
    public RuleOutcome evaluate(List<CompiledRule> rules, Record globals, Map<String, List<Subject>> subjects) {
        List<Violation> violations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long deadline = nanoTime.getAsLong() + limits.timeBudget().toNanos();
        long evaluations = 0;
        long hits = 0;
        Map<Vocabulary, Map<String, Object>> variables = new HashMap<>();
        for (CompiledRule rule : rules) {
            Map<String, Object> vars = variables.computeIfAbsent(rule.vocabulary(), v -> v.variables(globals));
            String scope = rule.spec().scope();
            boolean scoped = rule.vocabulary().hasSubject(scope);
            Collection<Subject> list = scoped ? subjects.getOrDefault(scope, List.of())
                    : List.of(Subject.of(Boolean.TRUE, rule.spec().locate("rule"), scope));
            Memo whenMemo = new Memo(memoise && scoped ? rule.whenFields() : null);
            Memo requireMemo = new Memo(memoise && scoped ? rule.requireFields() : null);
            int n = 0;
            for (Subject subject : list) {
                if ((n++ & 255) == 0 && nanoTime.getAsLong() - deadline > 0) {
                    problems.add(Problem.of("rules.time-budget-exceeded", "policy rules ran longer than their "
                            + "time budget of " + limits.timeBudget().toMillis() + " ms (stopped at rule '"
                            + rule.id() + "'); the rules could not be decided", rule.spec().locate("rule")));
                    return new RuleOutcome(violations, problems, evaluations + whenMemo.evaluations
                            + requireMemo.evaluations, hits + whenMemo.hits + requireMemo.hits);
                }
                CelVariableResolver resolver = resolver(vars, scoped ? scope : null, subject.value());
                try {
                    boolean applies = rule.when() == null || whenMemo.test(rule.when(), subject.value(), resolver);
                    if (applies && !requireMemo.test(rule.require(), subject.value(), resolver)) {
                        RuleSpec s = rule.spec();
                        violations.add(new Violation(s.id(), render(rule, resolver), s.severity(), s.category(),
                                s.waivable(), subject.location(), subject.key(), subject.pkg()));
                    }
                } catch (CelEvaluationException | RuntimeException e) {
                    problems.add(problem(rule, subject, e));
                    break;
                }
            }
            evaluations += whenMemo.evaluations + requireMemo.evaluations;
            hits += whenMemo.hits + requireMemo.hits;
        }
        return new RuleOutcome(violations, problems, evaluations, hits);
    }

    /** One condition's results by the values of the subject fields it reads (no memo when {@code fields} is null). */
    private static final class Memo {
        private final MethodHandle[] getters;
        private final Map<Object, Boolean> results = new HashMap<>();
        long evaluations;
        long hits;

        Memo(RecordComponent[] fields) {
            if (fields == null) {
                getters = null;
                return;
            }
            getters = new MethodHandle[fields.length];
            for (int i = 0; i < fields.length; i++) {
                getters[i] = Vocabulary.getter(fields[i]);
            }
        }

        boolean test(CelRuntime.Program program, Object subject, CelVariableResolver resolver)
                throws CelEvaluationException {
            if (getters == null) {
                evaluations++;
                return Boolean.TRUE.equals(program.eval(resolver));
            }
            Object key = key(subject);
            Boolean known = results.get(key);
            if (known != null) {
                hits++;
                return known;
            }
            evaluations++;
            boolean value = Boolean.TRUE.equals(program.eval(resolver));
            if (results.size() < MEMO_LIMIT) {
                results.put(key, value);
            }
            return value;
        }

        /** The field values (one value itself, several as a list; none: a constant, the condition is fixed). */
        private Object key(Object subject) {
            if (getters.length == 1) {
                return Vocabulary.get(getters[0], subject);
            }
            Object[] values = new Object[getters.length];
            for (int i = 0; i < getters.length; i++) {
                values[i] = Vocabulary.get(getters[i], subject);
            }
            return Arrays.asList(values);
        }
    }

    private static CelVariableResolver resolver(Map<String, Object> vars, String subjectName, Object subject) {
        return name -> name.equals(subjectName) ? Optional.of(subject) : Optional.ofNullable(vars.get(name));
    }

    private static String render(CompiledRule rule, CelVariableResolver resolver) throws CelEvaluationException {
        StringBuilder sb = new StringBuilder();
        for (Object part : rule.message()) {
            if (part instanceof CelRuntime.Program p) {
                sb.append(text(p.eval(resolver)));
            } else {
                sb.append(part);
            }
        }
        return sb.toString();
    }

    static String text(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(RuleEvaluator::text).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof Record r) {
            return r.getClass().getSimpleName();
        }
        return String.valueOf(value);
    }

    private Problem problem(CompiledRule rule, Subject subject, Exception e) {
        String why = String.valueOf(e.getMessage());
        boolean budget = why.contains("Iteration budget exceeded") || causeNamed(e, "CelIterationLimitExceeded");
        String on = rule.vocabulary().hasSubject(rule.spec().scope())
                ? " for " + subject.location().describe() : "";
        if (budget) {
            return Problem.of("rules.budget-exceeded", "rule '" + rule.id() + "' needed more than "
                    + limits.maxIterations() + " iterations in one evaluation" + on
                    + "; it could not be decided (rewrite it to work per subject, e.g. scope: finding)",
                    rule.spec().locate("require"));
        }
        return Problem.of("rules.evaluation-error", "rule '" + rule.id() + "' could not be evaluated" + on + ": "
                + RuleCompiler.oneLine(why), rule.spec().locate("require"));
    }

    private static boolean causeNamed(Throwable e, String simpleNamePrefix) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().startsWith(simpleNamePrefix)) {
                return true;
            }
        }
        return false;
    }
}
