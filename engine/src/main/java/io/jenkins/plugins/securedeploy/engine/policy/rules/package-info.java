/**
 * Policy as code: rules written as CEL expressions (Google's {@code dev.cel}, confined to this package) over a typed,
 * documented input — findings, SBOM components, verification results, provenance, the environment and the artifact
 * ({@link io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInput}) — and over the container/Kubernetes model
 * of {@code scan.container} ({@link io.jenkins.plugins.securedeploy.engine.policy.rules.HardeningRules}).
 *
 * <p>Rules are compiled and type-checked when they are read ({@link
 * io.jenkins.plugins.securedeploy.engine.policy.rules.RuleCompiler}): an expression that does not parse, names an
 * unknown field or is not boolean is a located problem, never a silently false rule. Evaluation ({@link
 * io.jenkins.plugins.securedeploy.engine.policy.rules.RuleEvaluator}) has an iteration budget per evaluation and a
 * time budget per run; exceeding either is an ERROR (fail closed). Violations become findings of the tool {@code
 * secure-deploy-policy} and go through the gate like any other finding.
 */
package io.jenkins.plugins.securedeploy.engine.policy.rules;
