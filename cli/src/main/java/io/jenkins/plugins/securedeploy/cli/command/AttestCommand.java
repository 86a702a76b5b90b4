package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.attest.ResourceDescriptor;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy attest}: writes signed in-toto statements (DSSE envelopes) about artifacts — SLSA provenance
 * and/or the gate's scan results — with a PEM private key from a file or an environment variable.
 */
@Command(name = "attest", mixinStandardHelpOptions = true,
        description = {"Write a signed in-toto statement (DSSE) for artifacts: SLSA provenance v1 and/or scan results.",
            "With one --predicate, --out is the envelope file; with both, --out is a directory that receives "
                + "provenance.intoto.json and scan.intoto.json."},
        footer = {"%nExamples:",
            "  secure-deploy attest --artifact app.tar.gz --key-file signer.pem --sbom sbom.json --out app.intoto.json",
            "  secure-deploy attest --artifact app.tar.gz --key-env SIGNING_KEY --predicate scan "
                + "--gate-report report/gate-report.json --out app.scan.intoto.json"})
public final class AttestCommand implements Callable<Integer> {
    /** The statements the command writes. */
    public enum PredicateKind { provenance, scan }

    @Spec
    CommandSpec spec;

    @Option(names = "--artifact", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Artifacts to attest (the statement's subjects; hashed streamed).")
    List<Path> artifacts;

    @Option(names = "--key-file", paramLabel = "FILE", description = "PEM private key (PKCS#8, SEC1, PKCS#1).")
    Path keyFile;

    @Option(names = "--key-env", paramLabel = "NAME", description = "Environment variable holding the PEM key.")
    String keyEnv;

    @Option(names = "--key-passphrase-env", paramLabel = "NAME",
            description = "Environment variable holding the passphrase of an ENCRYPTED PRIVATE KEY.")
    String passphraseEnv;

    @Option(names = "--predicate", paramLabel = "KIND", description = "provenance (default) and/or scan; repeatable.")
    List<PredicateKind> predicates = new ArrayList<>();

    @Option(names = "--gate-report", paramLabel = "FILE", description = "gate-report.json (for --predicate scan).")
    Path gateReport;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy the gate ran on (recorded by digest).")
    Path policy;

    @Option(names = "--sbom", paramLabel = "FILE", description = "The SBOM (a resolved dependency + byproduct).")
    Path sbom;

    @Option(names = "--builder-id", paramLabel = "URI", description = "runDetails.builder.id (default from env).")
    String builderId;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where the envelope(s) go.")
    Path out;

    @Mixin
    SharedOptions shared;

    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Output output = new Output(spec, shared);
        if ((keyFile == null) == (keyEnv == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --key-file or --key-env");
        }
        Set<AttestationService.Kind> kinds = EnumSet.noneOf(AttestationService.Kind.class);
        (predicates.isEmpty() ? List.of(PredicateKind.provenance) : predicates)
                .forEach(k -> kinds.add(AttestationService.Kind.valueOf(k.name().toUpperCase(java.util.Locale.ROOT))));
        KeySigner signer = PemKeys.signer(key(), Optional.ofNullable(passphraseEnv).map(this::env),
                keyFile != null ? keyFile.toString() : "--key-env " + keyEnv);
        List<Subject> subjects = new ArrayList<>();
        for (Path a : artifacts) {
            subjects.add(Subject.of(a.getFileName().toString(), Hashing.file(a, Set.of(DigestAlgorithm.SHA256))));
        }
        AttestationService.Request request = new AttestationService.Request(subjects, kinds, context(),
                Optional.ofNullable(sbom).map(s -> ResourceDescriptor.of(s.getFileName().toString(),
                        Hashing.file(s, Set.of(DigestAlgorithm.SHA256)), ResourceDescriptor.CYCLONEDX_JSON)),
                Optional.ofNullable(gateReport).map(f -> CliFiles.evidence(f, "gate report (--gate-report)")),
                Optional.ofNullable(policy).map(p -> ResourceDescriptor.of(p.getFileName().toString(),
                        Hashing.file(p, Set.of(DigestAlgorithm.SHA256)), "")));
        Map<AttestationService.Kind, byte[]> envelopes = new AttestationService(clock).attest(request, List.of(signer));
        Map<String, Object> written = new LinkedHashMap<>();
        for (Map.Entry<AttestationService.Kind, byte[]> e : envelopes.entrySet()) {
            Path target = envelopes.size() == 1 ? out
                    : out.resolve(e.getKey().name().toLowerCase(java.util.Locale.ROOT) + ".intoto.json");
            CliFiles.write(target, e.getValue(), "attestation (--out)");
            written.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), target.toString());
            output.line("Wrote " + e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " attestation " + target
                    + " (signed by " + signer.keyId() + ")");
        }
        output.document(Map.of("keyId", signer.keyId(), "algorithm", signer.algorithm(), "envelopes", written));
        return ExitCode.PASS;
    }

    private SecretValue key() {
        if (keyFile != null) {
            return SecretValue.of(new String(CliFiles.read(keyFile, "private key (--key-file)"),
                    StandardCharsets.UTF_8));
        }
        return env(keyEnv);
    }

    private SecretValue env(String name) {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(Problem.of("secret.missing", "environment variable is not set or empty",
                    Location.ofFile("--key-env " + name)));
        }
        return SecretValue.of(value);
    }

    private BuildContext context() {
        String job = environment.getOrDefault("JOB_NAME", environment.getOrDefault("GITHUB_REPOSITORY", "cli"));
        String run = environment.getOrDefault("BUILD_TAG", environment.getOrDefault("GITHUB_RUN_ID",
                UUID.randomUUID().toString()));
        String url = environment.getOrDefault("BUILD_URL", "");
        String commit = environment.getOrDefault("GIT_COMMIT", environment.getOrDefault("GITHUB_SHA", ""));
        String builder = builderId != null ? builderId
                : environment.getOrDefault("JENKINS_URL", "https://secure-deploy.jenkins.io/cli");
        return new BuildContext(job, run, url, commit, builder, clock.instant());
    }
}
