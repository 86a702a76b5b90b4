package io.jenkins.plugins.securedeploy.engine.policy.rules;

import dev.cel.runtime.CelRuntime;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * A rule whose expressions compiled and type-checked against a {@link Vocabulary}: ready to run. Only {@link
 * RuleCompiler} makes them. {@code whenFields} / {@code requireFields} are the subject's fields each condition
 * reads (its result depends on them and on the globals, which are fixed within one run), or null when the condition
 * uses the subject as a whole (then its results are not memoised).
 */
public final class CompiledRule {
    private final RuleSpec spec;
    private final Vocabulary vocabulary;
    private final CelRuntime.Program when;
    private final CelRuntime.Program require;
    private final List<Object> message;
    private final RecordComponent[] whenFields;
    private final RecordComponent[] requireFields;

    CompiledRule(RuleSpec spec, Vocabulary vocabulary, CelRuntime.Program when, CelRuntime.Program require,
            List<Object> message, RecordComponent[] whenFields, RecordComponent[] requireFields) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.vocabulary = vocabulary;
        this.when = when;
        this.require = Objects.requireNonNull(require, "require");
        this.message = List.copyOf(message);
        this.whenFields = whenFields == null ? null : whenFields.clone();
        this.requireFields = requireFields == null ? null : requireFields.clone();
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

    RecordComponent[] whenFields() {
        return whenFields == null ? null : whenFields.clone();
    }

    RecordComponent[] requireFields() {
        return requireFields == null ? null : requireFields.clone();
    }

    /** Both conditions memoisable. */
    boolean memoizable() {
        return requireFields != null && (when == null || whenFields != null);
    }

    @Override
    public String toString() {
        return "rule " + spec.id() + " (" + spec.scope() + ")";
    }
}
