package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.JsonSchemas;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.scan.container.Container;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerModel;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerRules;
import io.jenkins.plugins.securedeploy.engine.scan.container.Dockerfile;
import io.jenkins.plugins.securedeploy.engine.scan.container.Stage;
import io.jenkins.plugins.securedeploy.engine.scan.container.Variable;
import io.jenkins.plugins.securedeploy.engine.scan.container.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container/Kubernetes hardening rules: CEL rules (the built-in file {@value #BUILT_IN}, or a user's copy) over
 * the {@link ContainerModel} of {@code scan.container}, with the scopes {@code dockerfile}, {@code stage},
 * {@code variable}, {@code workload} and {@code container}. Implements the scanner's {@link ContainerRules} port.
 */
public final class HardeningRules implements ContainerRules {
    public static final String BUILT_IN = "/io/jenkins/plugins/securedeploy/engine/scan/container/hardening-rules.yml";
    private static final String SCHEMA = "/io/jenkins/plugins/securedeploy/engine/policy/policy.schema.json";

    private final List<CompiledRule> rules;
    private final RuleEvaluator evaluator;

    private HardeningRules(List<CompiledRule> rules, RuleEvaluator evaluator) {
        this.rules = List.copyOf(rules);
        this.evaluator = evaluator;
    }

    /** The vocabulary of hardening rules. */
    public static Vocabulary vocabulary() {
        return Holder.VOCABULARY;
    }

    /** The shipped rules. */
    public static HardeningRules builtIn() {
        return Holder.BUILT_IN_RULES;
    }

    /** Rules from a file in the policy-file format ({@code version: 1}, {@code rules: [...]}). */
    public static HardeningRules read(Path file, String displayName) {
        try {
            return parse(Files.readAllBytes(file), displayName, RuleSpec.Origin.PROJECT);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read hardening rules: "
                    + IoReason.of(e), Location.ofFile(displayName)), e);
        }
    }

    static HardeningRules parse(byte[] content, String displayName, RuleSpec.Origin origin) {
        LocatedTree tree = LocatedTree.read(content, displayName, true);
        LocatedTree.failIfAny(JsonSchemas.validate(SCHEMA, tree));
        List<RuleSpec> specs = new RuleSpecReader().read(tree, content, "/rules", origin);
        return new HardeningRules(new RuleCompiler().compile(specs, vocabulary()), new RuleEvaluator());
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    @Override
    public Result check(ContainerModel model, String tool) {
        RuleOutcome outcome = evaluator.evaluate(rules, model, subjects(model));
        return new Result(PolicyRules.findings(tool, outcome.violations()), outcome.problems());
    }

    static Map<String, List<Subject>> subjects(ContainerModel model) {
        List<Subject> dockerfiles = new ArrayList<>();
        List<Subject> stages = new ArrayList<>();
        List<Subject> variables = new ArrayList<>();
        List<Subject> workloads = new ArrayList<>();
        List<Subject> containers = new ArrayList<>();
        for (Dockerfile d : model.dockerfiles()) {
            dockerfiles.add(Subject.of(d, Location.ofFile(d.file()), d.file()));
            for (Variable v : d.globalArgs()) {
                variables.add(variable(v, "global"));
            }
            for (Stage s : d.stages()) {
                String key = d.file() + "#" + (s.name().isEmpty() ? String.valueOf(s.index()) : s.name());
                stages.add(Subject.of(s, at(s.file(), s.line()), key));
                for (Variable v : s.variables()) {
                    variables.add(variable(v, key));
                }
            }
        }
        for (Workload w : model.workloads()) {
            String key = w.file() + "#" + w.kind() + "/" + w.namespace() + "/" + w.name();
            workloads.add(Subject.of(w, at(w.file(), w.line()), key));
            for (Container c : w.containers()) {
                containers.add(Subject.of(c, at(c.file(), c.line()), key + "/" + c.name()));
                for (Variable v : c.env()) {
                    variables.add(variable(v, key + "/" + c.name()));
                }
            }
        }
        Map<String, List<Subject>> out = new LinkedHashMap<>();
        out.put("dockerfile", dockerfiles);
        out.put("stage", stages);
        out.put("variable", variables);
        out.put("workload", workloads);
        out.put("container", containers);
        return out;
    }

    private static Subject variable(Variable v, String owner) {
        return Subject.of(v, at(v.file(), v.line()), owner + "/" + v.kind() + "/" + v.name());
    }

    private static Location at(String file, long line) {
        return Location.of(file, (int) Math.max(0, Math.min(Integer.MAX_VALUE, line)), 0);
    }

    /** Lazily built: a CEL environment and the built-in rules take a moment to compile. */
    private static final class Holder {
        static final Vocabulary VOCABULARY;
        static final HardeningRules BUILT_IN_RULES;

        static {
            Map<String, Class<? extends Record>> scopes = new LinkedHashMap<>();
            scopes.put("dockerfile", Dockerfile.class);
            scopes.put("stage", Stage.class);
            scopes.put("variable", Variable.class);
            scopes.put("workload", Workload.class);
            scopes.put("container", Container.class);
            VOCABULARY = Vocabulary.of("hardening", ContainerModel.class, scopes, RuleLimits.DEFAULT);
            try (InputStream in = HardeningRules.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("built-in hardening rules missing from the engine jar: " + BUILT_IN);
                }
                BUILT_IN_RULES = parse(in.readAllBytes(), "hardening-rules.yml", RuleSpec.Origin.BUILT_IN);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in hardening rules " + BUILT_IN, e);
            }
        }
    }
}
