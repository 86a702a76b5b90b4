package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code secure-deploy promote --from staging --to prod}: the same artifact digest, through the same gates. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Promote an artifact: deploy it to --to only if its digest was deployed to --from before "
                + "(read from the audit log, whose chain is checked first). Same flow and exit codes as deploy."},
        footer = {"%nExample:", "  secure-deploy promote --from staging --to prod --artifact dist/app.tar.gz "
                + "--key-file deploy.pem -- ./deploy.sh prod"})
public final class PromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ENV", description = "Where the digest must have been "
            + "deployed already.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "Environment to deploy to.")
    String to;

    @Mixin
    DeployOptions options;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() throws Exception {
        return new DeployRun(spec, options, shared).run(DeploymentKind.PROMOTE, to, from);
    }
}
