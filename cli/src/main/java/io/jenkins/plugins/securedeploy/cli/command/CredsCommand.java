package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.credentials.BrokeredResult;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationReport;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secure-deploy creds exec}: a command with short-lived credentials, revoked after. */
@Command(name = "creds", mixinStandardHelpOptions = true, subcommands = CredsCommand.Exec.class,
        description = "Short-lived credentials for one command.")
public final class CredsCommand {
    /** {@code creds exec}. */
    @Command(name = "exec", mixinStandardHelpOptions = true, description = {"Mint an ID token, exchange it with the"
            + " provider, run CMD with the credentials in its environment (its output masked), then revoke them and"
            + " exit with CMD's exit code.", "A failed exchange issues nothing, does not run CMD and exits 3; with"
                + " --json stdout then gets the error document (CMD's own output is passed on unchanged)."},
            footer = {"%nExample:", "  secure-deploy creds exec --issuer https://ci.example.com/oidc --keys keys.json \\",
                "      --provider vault --vault-addr https://vault:8200 --vault-role deploy \\",
                "      --vault-secret database/creds/app --vault-env DB_USER=username -- ./migrate.sh"})
    static final class Exec implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IssuerOptions issuer;

        @Mixin
        BuildOptions build;

        @Mixin
        ProviderOptions provider;

        @Mixin
        SharedOptions shared;

        @Option(names = "--revocations", paramLabel = "FILE", description = "Write the revocation records (JSON)"
                + " here: the proof for audit and provenance.")
        Path revocationsFile;

        @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments, after --.")
        List<String> command = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (revocationsFile != null && Files.isDirectory(revocationsFile)) {
                throw new InvalidInputException(Problem.of("cli.creds.revocations", "cannot write the revocation "
                        + "records (--revocations) here: it is a directory (give a file)",
                        Location.ofFile(revocationsFile.toString())));
            }
            BuildClaims claims = build.claims(OidcCommand.environment);
            Exchange exchange = provider.exchange(claims, OidcCommand.clock);
            List<SecretValue> secrets = new CopyOnWriteArrayList<>();
            EngineLog log = new EngineLog("secure-deploy: ");
            CredentialBroker broker = new CredentialBroker(issuer.issuer(OidcCommand.environment, OidcCommand.clock,
                    List.of(exchange.tokenNeed().audience())).forBuild(claims), secrets::add, OidcCommand.clock, log);
            BrokeredResult<Integer> result;
            try {
                result = broker.run(List.of(exchange), env -> new ChildProcess(command, SecretMasker.of(secrets))
                        .run(env, spec.commandLine().getOut(), err));
            } catch (SecureDeployException e) {
                print(log, err);
                throw new EnvironmentException(e.getMessage() + " - nothing was issued, the command did not run", e);
            }
            print(log, err);
            write(result.revocations());
            // CMD's exit code, whatever it is; a body that could not run (e.g. CMD not found) is exit 3
            return result.valueOrThrow();
        }

        private static void print(EngineLog log, PrintWriter err) {
            log.lines().forEach(l -> err.println(l.text()));
            err.flush();
        }

        private void write(RevocationReport report) {
            if (revocationsFile == null) {
                return;
            }
            try {
                CliFiles.write(revocationsFile, Json.strict().mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(report.toMaps()), "revocation records (--revocations)");
            } catch (IOException e) {
                throw new EnvironmentException("cannot render the revocation records", e);
            }
        }
    }
}
