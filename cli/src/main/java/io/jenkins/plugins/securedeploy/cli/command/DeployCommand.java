package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code secure-deploy deploy --env ENV --artifact F -- CMD}: the whole fail-closed flow around a deploy command. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy an artifact: verify -> gate -> approve -> short-lived credentials -> CMD -> revoke ->"
                + " attest -> record. Any failure before CMD stops the flow before credentials are issued; after "
                + "issuance revocation, attestation and the evidence bundle run whatever happens.",
            "Exit 0 deployed, 1 a check said no (naming the phase), 2 usage, 3 error, 4 waiting for approval "
                + "(vote with 'approve --ledger', then run again with --resume ID)."},
        footer = {"%nExample:", "  secure-deploy deploy --env staging --artifact dist/app.tar.gz --report "
                + "trivy.json --key-file deploy.pem -- ./deploy.sh staging"})
public final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "Environment to deploy to (its "
            + "requirement, approval rule and credentials come from the policy's environments).")
    String environment;

    @Mixin
    DeployOptions options;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() throws Exception {
        return new DeployRun(spec, options, shared).run(DeploymentKind.DEPLOY, environment, null);
    }
}
