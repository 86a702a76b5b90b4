package io.jenkins.plugins.securedeploy.engine.policy.rules;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles and type-checks rules against a {@link Vocabulary}. Every problem is collected and reported at once,
 * each located at the rule's field in its file (line, and column where the expression is on one line), with the
 * expression and CEL's own message: a rule that does not parse, names an unknown variable or field, or is not
 * boolean never becomes a silently false rule.
 */
public final class RuleCompiler {
    private final RuleLimits limits;

    public RuleCompiler(RuleLimits limits) {
        this.limits = limits;
    }

    public RuleCompiler() {
        this(RuleLimits.DEFAULT);
    }

    /** All rules compiled, or an {@link InvalidInputException} listing every problem. */
    public List<CompiledRule> compile(List<RuleSpec> specs, Vocabulary vocabulary) {
        List<Problem> problems = new ArrayList<>();
        List<CompiledRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleSpec spec : specs) {
            if (!ids.add(spec.id())) {
                problems.add(Problem.of("rules.duplicate-id", "rule id '" + spec.id() + "' is defined twice",
                        spec.locate("rule")));
                continue;
            }
            compileOne(spec, vocabulary, problems).ifPresent(out::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(out);
    }

    private Optional<CompiledRule> compileOne(RuleSpec spec, Vocabulary vocabulary, List<Problem> problems) {
        if (!vocabulary.scopes().contains(spec.scope())) {
            problems.add(Problem.of("rules.unknown-scope", "rule '" + spec.id() + "' has scope '" + spec.scope()
                    + "'; " + vocabulary.name() + " rules have the scopes " + vocabulary.scopes(),
                    spec.locate("scope")));
            return Optional.empty();
        }
        int before = problems.size();
        Cel cel = vocabulary.cel(spec.scope());
        CelAbstractSyntaxTree whenAst = spec.when().isBlank() ? null
                : check(cel, spec, "when", spec.when(), true, problems);
        CelAbstractSyntaxTree requireAst = check(cel, spec, "require", spec.require(), true, problems);
        List<CelAbstractSyntaxTree> messageAsts = new ArrayList<>();
        List<Object> message = new ArrayList<>();
        List<MessageTemplate.Part> parts = MessageTemplate.parse(spec.message());
        if (parts == null) {
            problems.add(Problem.of("rules.bad-message", "rule '" + spec.id() + "' message has '{{' without '}}'",
                    spec.locate("message")));
        } else {
            for (MessageTemplate.Part part : parts) {
                if (!part.expression()) {
                    message.add(part.text());
                    continue;
                }
                CelAbstractSyntaxTree ast = check(cel, spec, "message", part.text(), false, problems);
                if (ast != null) {
                    messageAsts.add(ast);
                    message.add(program(cel, ast, spec));
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        boolean scoped = vocabulary.hasSubject(spec.scope());
        Class<? extends Record> type = vocabulary.subjectType(spec.scope());
        RecordComponent[] whenFields = !scoped || whenAst == null ? new RecordComponent[0]
                : memoFields(spec.scope(), type, List.of(whenAst));
        RecordComponent[] requireFields = scoped ? memoFields(spec.scope(), type, List.of(requireAst))
                : new RecordComponent[0];
        return Optional.of(new CompiledRule(spec, vocabulary, whenAst == null ? null : program(cel, whenAst, spec),
                program(cel, requireAst, spec), message, whenFields, requireFields));
    }

    private CelAbstractSyntaxTree check(Cel cel, RuleSpec spec, String part, String expression, boolean bool,
            List<Problem> problems) {
        Location at = spec.locate(part);
        if (expression.length() > limits.maxExpressionLength()) {
            problems.add(Problem.of("rules.too-long", "rule '" + spec.id() + "' " + part + " is "
                    + expression.length() + " characters long (at most " + limits.maxExpressionLength() + ")", at));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
            if (bool && !ast.getResultType().equals(SimpleType.BOOL)) {
                problems.add(Problem.of("rules.not-boolean", "rule '" + spec.id() + "' " + part + " must be a "
                        + "boolean expression, but `" + oneLine(expression) + "` is of type "
                        + ast.getResultType().name(), at));
                return null;
            }
            return ast;
        } catch (CelValidationException e) {
            List<CelIssue> issues = e.getErrors();
            CelIssue first = issues.isEmpty() ? null : issues.get(0);
            problems.add(Problem.of("rules.compile-error", "rule '" + spec.id() + "' " + part + " `"
                    + oneLine(expression) + "` does not compile: " + describe(issues), locate(at, expression, first)));
            return null;
        }
    }

    /**
     * The file position of the issue: {@code field} is where the expression's text starts (for a YAML block scalar,
     * its first line), so the issue's line is added to it and its column to the text's column (block scalars keep
     * one indentation, so this holds on their later lines too).
     */
    private static Location locate(Location field, String expression, CelIssue issue) {
        if (issue == null || field.line() == 0 || issue.getSourceLocation().getLine() < 1) {
            return field;
        }
        int line = field.line() + issue.getSourceLocation().getLine() - 1;
        int column = field.column() == 0 ? 0 : field.column() + Math.max(issue.getSourceLocation().getColumn(), 0);
        return new Location(field.file(), field.pointer(), line, column);
    }

    private static String describe(List<CelIssue> issues) {
        List<String> out = new ArrayList<>();
        for (CelIssue i : issues) {
            int line = i.getSourceLocation().getLine();
            int column = i.getSourceLocation().getColumn() + 1;
            out.add((line > 0 ? line + ":" + column + ": " : "") + i.getMessage());
        }
        return String.join("; ", new LinkedHashSet<>(out));
    }

    static String oneLine(String expression) {
        String s = expression.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static CelRuntime.Program program(Cel cel, CelAbstractSyntaxTree ast, RuleSpec spec) {
        try {
            return cel.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL could not plan the checked rule " + spec.id(), e);
        }
    }

    /**
     * The subject's fields the expressions read, when every use of the subject variable is a field selection
     * ({@code finding.severity}); null when the subject is used as a whole (then results are not memoised).
     */
    static RecordComponent[] memoFields(String variable, Class<? extends Record> type,
            List<CelAbstractSyntaxTree> asts) {
        Set<String> fields = new LinkedHashSet<>();
        for (CelAbstractSyntaxTree ast : asts) {
            for (CelNavigableExpr node : (Iterable<CelNavigableExpr>) CelNavigableAst.fromAst(ast).getRoot()
                    .allNodes()::iterator) {
                CelExpr e = node.expr();
                if (e.getKind() != CelExpr.ExprKind.Kind.IDENT || !e.ident().name().equals(variable)) {
                    continue;
                }
                Optional<CelNavigableExpr> parent = node.parent();
                if (parent.isEmpty() || parent.get().expr().getKind() != CelExpr.ExprKind.Kind.SELECT
                        || parent.get().expr().select().operand().id() != e.id()) {
                    return null;
                }
                fields.add(parent.get().expr().select().field());
            }
        }
        List<RecordComponent> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (fields.contains(c.getName())) {
                out.add(c);
            }
        }
        return out.toArray(RecordComponent[]::new);
    }
}
