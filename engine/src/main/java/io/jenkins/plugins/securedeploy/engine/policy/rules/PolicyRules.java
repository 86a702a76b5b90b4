package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy rules over a {@link RuleInput}: the vocabulary (scopes {@code deploy} — once per gate run —, {@code
 * finding}, {@code component}, {@code verification}, {@code provenance}) and the run that turns violations into
 * findings of the tool {@value #TOOL}, which the gate counts, waives and reports like any scanner's. An evaluation
 * problem (error, exceeded budget) makes the result ERROR, so the gate says ERROR (fail closed).
 */
public final class PolicyRules {
    /** The tool name of rule violations. */
    public static final String TOOL = "secure-deploy-policy";
    /** The scope evaluated once per gate run. */
    public static final String DEPLOY = "deploy";

    private static final Vocabulary VOCABULARY = vocabulary(RuleLimits.DEFAULT);

    private final RuleEvaluator evaluator;

    public PolicyRules(RuleEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public PolicyRules() {
        this(new RuleEvaluator());
    }

    /** The policy vocabulary with the default limits (shared: building a CEL environment takes time). */
    public static Vocabulary vocabulary() {
        return VOCABULARY;
    }

    static Vocabulary vocabulary(RuleLimits limits) {
        Map<String, Class<? extends Record>> scopes = new LinkedHashMap<>();
        scopes.put(DEPLOY, null);
        scopes.put("finding", FindingView.class);
        scopes.put("component", ComponentView.class);
        scopes.put("verification", VerificationView.class);
        scopes.put("provenance", ProvenanceView.class);
        return Vocabulary.of("policy", RuleInput.class, scopes, limits);
    }

    /** Compiles {@code specs} against the policy vocabulary; problems are located in the policy file. */
    public static List<CompiledRule> compile(List<RuleSpec> specs) {
        return new RuleCompiler().compile(specs, VOCABULARY);
    }

    /** Runs the rules over {@code input}. */
    public RuleOutcome run(List<CompiledRule> rules, RuleInput input) {
        Map<String, List<Subject>> subjects = new LinkedHashMap<>();
        subjects.put("finding", input.findings().stream().map(f -> new Subject(f,
                Location.of(f.file(), (int) Math.min(Integer.MAX_VALUE, Math.max(0, f.line())), 0), f.fingerprint(),
                RuleInputs.pkg(f))).toList());
        subjects.put("component", input.components().stream().map(c -> new Subject(c, Location.ofFile(c.sbom()),
                c.purl().isEmpty() ? c.name() + "@" + c.version() : c.purl(), RuleInputs.pkg(c))).toList());
        subjects.put("verification", input.verifications().stream().map(v -> Subject.of(v,
                Location.ofFile(v.subject()), v.family() + ":" + v.subject())).toList());
        subjects.put("provenance", input.provenance().stream().map(p -> Subject.of(p, Location.ofFile(""),
                p.builder().id() + "|" + p.source().repo())).toList());
        return evaluator.evaluate(rules, input, subjects);
    }

    /** Runs the rules and returns their violations as a scan result of {@value #TOOL} (ERROR on any problem). */
    public ScanResult check(List<CompiledRule> rules, RuleInput input, String source) {
        RuleOutcome outcome = run(rules, input);
        if (outcome.failed()) {
            return ScanResult.error(TOOL, source, outcome.problems());
        }
        return ScanResult.ok(TOOL, "", source, findings(TOOL, outcome.violations()));
    }

    /** Violations as findings of {@code tool}: the rule id is the finding's rule, the message its title. */
    public static List<Finding> findings(String tool, List<Violation> violations) {
        List<Finding> out = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            out.add(Finding.builder(tool, v.ruleId())
                    .title(v.message())
                    .severity(v.severity())
                    .category(v.category())
                    .id(v.ruleId())
                    .pkg(v.pkg())
                    .location(v.location())
                    .fingerprintHint(v.subjectKey())
                    .build());
        }
        return out;
    }
}
