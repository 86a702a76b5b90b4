package io.jenkins.plugins.securedeploy.engine.policy.rules;

import dev.cel.runtime.CelRuntime;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * A rule whose expressions compiled and type-checked against a {@link Vocabulary}: ready to run. Only {@link
 * RuleCompiler} makes them. {@code memoFields} are the subject's fields the rule reads (its whole result depends on
 * them and on the globals, which are fixed within one run), or null when the rule uses the subject as a whole.
 */
public final class CompiledRule {
    private final RuleSpec spec;
    private final Vocabulary vocabulary;
    private final CelRuntime.Program when;
    private final CelRuntime.Program require;
    private final List<Object> message;
    private final RecordComponent[] memoFields;

    CompiledRule(RuleSpec spec, Vocabulary vocabulary, CelRuntime.Program when, CelRuntime.Program require,
            List<Object> message, RecordComponent[] memoFields) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.vocabulary = vocabulary;
        this.when = when;
        this.require = Objects.requireNonNull(require, "require");
        this.message = List.copyOf(message);
        this.memoFields = memoFields == null ? null : memoFields.clone();
    }

    public RuleSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    CelRuntime.Program when() {
        return when;
    }

    CelRuntime.Program require() {
        return require;
    }

    /** Literal strings and compiled programs, in order. */
    List<Object> message() {
        return message;
    }

    RecordComponent[] memoFields() {
        return memoFields == null ? null : memoFields.clone();
    }

    boolean memoizable() {
        return memoFields != null;
    }

    @Override
    public String toString() {
        return "rule " + spec.id() + " (" + spec.scope() + ")";
    }
}
