package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code secure-deploy rollback --env prod}: redeploy the last digest before the current one, through the gates. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Roll an environment back: --artifact must be the last digest successfully deployed there "
                + "before the current one (from the audit log); it goes through the same gates as any deployment."},
        footer = {"%nExample:", "  secure-deploy rollback --env prod --artifact releases/app-1.0.0.tar.gz "
                + "--key-file deploy.pem -- ./deploy.sh prod"})
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "Environment to roll back.")
    String environment;

    @Mixin
    DeployOptions options;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() throws Exception {
        return new DeployRun(spec, options, shared).run(DeploymentKind.ROLLBACK, environment, null);
    }
}
