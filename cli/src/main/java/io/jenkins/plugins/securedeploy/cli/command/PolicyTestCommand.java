package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInput;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInputReader;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.rules.Violation;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy policy test --policy F --input F.json}: compiles the policy's rules (a rule that does not
 * compile is exit 3 with file:line) and evaluates them against a sample input, printing each violation.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Evaluate a policy's rules against a sample input (docs/policy-rules.md).",
            "Exit 0: no violation; 1: violations; 3: a rule does not compile or cannot be decided, or bad input.",
            "Example:",
            "  secure-deploy policy test --policy .secure-deploy.yml --input sample.json"})
public final class PolicyTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file (.secure-deploy.yml).")
    Path policy;

    @Option(names = "--floor", paramLabel = "FILE", description = "An admin floor whose rules apply too.")
    Path floor;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "A sample rule input (JSON).")
    Path input;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        PolicyReader reader = new PolicyReader();
        Policy project = reader.read(policy, policy.toString());
        RuleInput sample = new RuleInputReader().read(input, input.toString());
        Policy effective = floor == null ? project : new PolicyMerger().merge(
                new PolicyFloor(reader.read(floor, floor.toString())), project,
                sample.now().atZone(ZoneOffset.UTC).toLocalDate());
        RuleOutcome outcome = new PolicyRules().run(effective.rules(), sample);
        Output output = new Output(spec, shared);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Violation v : outcome.violations()) {
            output.line(v.describe());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rule", v.ruleId());
            row.put("severity", v.severity().name());
            row.put("message", v.message());
            row.put("waivable", v.waivable());
            row.put("location", v.location().describe());
            rows.add(row);
        }
        List<String> problems = outcome.problems().stream().map(Problem::describe).toList();
        problems.forEach(p -> output.line("error: " + p));
        String verdict = outcome.failed() ? "ERROR" : rows.isEmpty() ? "PASSED" : "FAILED";
        output.line(effective.rules().size() + " rule(s), " + rows.size() + " violation(s): "
                + output.verdict(verdict));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("verdict", verdict);
        doc.put("rules", effective.rules().size());
        doc.put("violations", rows);
        doc.put("problems", problems);
        output.document(doc);
        return outcome.failed() ? ExitCode.ERROR : rows.isEmpty() ? ExitCode.PASS : ExitCode.GATE_FAILED;
    }
}
