package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.cli.host.FileSecretStateStore;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.KeyRotation;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.TokenRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code secure-deploy oidc token|jwks|discovery|rotate}: the OIDC issuer from a command line. */
@Command(name = "oidc", mixinStandardHelpOptions = true, subcommands = {OidcCommand.Token.class,
        OidcCommand.Jwks.class, OidcCommand.Discovery.class, OidcCommand.Rotate.class},
        description = "The OIDC issuer: mint an ID token for one audience, print the JWKS or discovery document,"
                + " rotate the signing keys.")
public final class OidcCommand {
    /** The environment and clock commands read; tests replace them. */
    static Map<String, String> environment = System.getenv();

    static Clock clock = Clock.systemUTC();

    /** {@code oidc token}. */
    @Command(name = "token", mixinStandardHelpOptions = true, description = "Mint an ID token for one audience and"
            + " print it (or write it to --out, 0600).")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IssuerOptions issuer;

        @Mixin
        BuildOptions build;

        @Mixin
        SharedOptions shared;

        @Option(names = "--audience", required = true, paramLabel = "AUD", description = "The token's audience.")
        String audience;

        @Option(names = "--lifetime", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Token lifetime (default 5m, at most --max-lifetime).")
        Duration lifetime;

        @Option(names = "--claim", paramLabel = "NAME=VALUE", description = "Extra claim (needs --allow-claim).")
        Map<String, String> claims = new LinkedHashMap<>();

        @Option(names = "--out", paramLabel = "FILE", description = "Write the token here instead of stdout.")
        Path out;

        @Override
        public Integer call() {
            if (out != null && Files.isDirectory(out)) {
                throw new InvalidInputException(Problem.of("cli.oidc.out", "cannot write the token (--out) here: it "
                        + "is a directory (give a file)", Location.ofFile(out.toString())));
            }
            IdToken token = issuer.issuer(environment, clock, List.of(audience)).issue(new TokenRequest(
                    build.claims(environment), audience, lifetime, new LinkedHashMap<>(claims)));
            Output output = new Output(spec, shared);
            if (out == null && !output.json()) {
                spec.commandLine().getOut().println(token.value().reveal());
            } else if (out != null) {
                write(token);
                spec.commandLine().getErr().println("wrote " + token + " to " + out);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            if (out == null) {
                doc.put("token", token.value().reveal());
            } else {
                doc.put("out", out.toString());
            }
            doc.put("audience", token.audience());
            doc.put("subject", token.subject());
            doc.put("jti", token.jti());
            doc.put("kid", token.keyId());
            doc.put("issuedAt", token.issuedAt().toString());
            doc.put("expiresAt", token.expiresAt().toString());
            output.document(doc);
            return ExitCode.PASS;
        }

        /** A fresh file readable by the owner only, then the token. */
        private void write(IdToken token) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.deleteIfExists(out);
                Files.createFile(out);
                FileSecretStateStore.ownerOnly(out);
                Files.writeString(out, token.value().reveal(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliFiles.cannotWrite(out, "token (--out)", e);
            }
        }
    }

    /** {@code oidc jwks}. */
    @Command(name = "jwks", mixinStandardHelpOptions = true, description = "Print the public JWKS (signing key and"
            + " retired keys still in their overlap).")
    static final class Jwks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IssuerOptions issuer;

        @Mixin
        SharedOptions shared;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(issuer.issuer(environment, clock, List.of()).jwksJson());
            return ExitCode.PASS;
        }
    }

    /** {@code oidc discovery}. */
    @Command(name = "discovery", mixinStandardHelpOptions = true, description = "Print the discovery document"
            + " (/.well-known/openid-configuration).")
    static final class Discovery implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IssuerOptions issuer;

        @Mixin
        SharedOptions shared;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(issuer.issuer(environment, clock, List.of()).discoveryJson());
            return ExitCode.PASS;
        }
    }

    /** {@code oidc rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Create the first key, or rotate the"
            + " signing key when it is due (--force: now); retired keys stay published for --overlap.")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IssuerOptions issuer;

        @Mixin
        SharedOptions shared;

        @Option(names = "--force", description = "Rotate now even if not due.")
        boolean force;

        @Override
        public Integer call() {
            Output output = new Output(spec, shared);
            issuer.settings(List.of());
            KeyRotation.Result r = issuer.store().rotate(issuer.rotation(), issuer.algorithm, clock.instant(), force);
            r.events().forEach(output::line);
            String signing = r.keys().signingKey().orElseThrow().keyId();
            if (!r.changed()) {
                output.line("no rotation due; signing key " + signing);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("changed", r.changed());
            doc.put("signingKey", signing);
            doc.put("events", r.events());
            output.document(doc);
            return ExitCode.PASS;
        }
    }
}
