package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleTarget;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleWriter;
import io.jenkins.plugins.securedeploy.engine.bundle.EvidenceBundle;
import io.jenkins.plugins.securedeploy.engine.bundle.WrittenBundle;
import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secure-deploy bundle create}: an evidence bundle made by hand (the deploy flow makes its own). */
@Command(name = "bundle", mixinStandardHelpOptions = true, subcommands = BundleCommand.Create.class,
        description = "Evidence bundles: 'bundle create' writes one; 'verify-bundle' checks one.")
public final class BundleCommand {
    /** {@code bundle create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Write an evidence bundle: the given evidence in DIR and, with --archive, a reproducible "
                    + ".tar.gz; unsigned files masked with the --secret-env values, a manifest listing every file "
                    + "signed with the key.", "Exit 0 written, 2 usage, 3 error (unreadable input, a secret in a "
                    + "signed file)."},
            footer = {"%nExample:",
                "  secure-deploy bundle create --out evidence-bundle --archive evidence-bundle.tar.gz --artifact "
                    + "dist/app.tar.gz --key-file system.pem --env prod --gate-report report --sbom sbom.cdx.json "
                    + "--attestation app.intoto.json"})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The bundle directory (new or "
                + "empty).")
        Path out;

        @Option(names = "--archive", paramLabel = "FILE", description = "Also write the bundle as this .tar.gz.")
        Path archive;

        @Option(names = "--artifact", required = true, paramLabel = "FILE", description = "The deployed artifact "
                + "(hashed, streamed; not copied into the bundle).")
        Path artifact;

        @Option(names = "--key-file", paramLabel = "FILE", description = "PEM private key that signs the manifest.")
        Path keyFile;

        @Option(names = "--key-env", paramLabel = "NAME", description = "Environment variable holding the PEM key.")
        String keyEnv;

        @Option(names = "--key-passphrase-env", paramLabel = "NAME", description = "Environment variable holding "
                + "the passphrase of an ENCRYPTED PRIVATE KEY.")
        String passphraseEnv;

        @Option(names = "--deployment-id", paramLabel = "ID", description = "Default: BUILD_TAG, GITHUB_RUN_ID or "
                + "a random id.")
        String deploymentId;

        @Option(names = "--env", paramLabel = "NAME", defaultValue = "default", description = "The environment "
                + "deployed to (default: default).")
        String environmentName;

        @Option(names = "--created-at", paramLabel = "TIME", description = "RFC 3339 UTC time (default now); the "
                + "same evidence and time give the same archive bytes.")
        Instant createdAt;

        @Option(names = "--gate-report", paramLabel = "DIR", description = "The gate report folder (index.html, "
                + "gate-report.json, assets).")
        Path gateReport;

        @Option(names = "--sbom", paramLabel = "FILE", description = "An SBOM (repeatable).")
        List<Path> sboms = new ArrayList<>();

        @Option(names = "--attestation", paramLabel = "FILE", description = "A DSSE envelope or sigstore bundle "
                + "(repeatable).")
        List<Path> attestations = new ArrayList<>();

        @Option(names = "--scan-report", paramLabel = "FILE", description = "A scan report (repeatable; masked).")
        List<Path> scanReports = new ArrayList<>();

        @Option(names = "--audit", paramLabel = "FILE", description = "The audit log excerpt (JSON Lines).")
        Path audit;

        @Option(names = "--approval", paramLabel = "FILE", description = "The approval (a signed statement is "
                + "verified).")
        Path approval;

        @Option(names = "--revocations", paramLabel = "FILE", description = "Revocation records ('creds exec "
                + "--revocations').")
        Path revocations;

        @Option(names = "--trust-key", paramLabel = "FILE", description = "Public key (PEM) the attestations are "
                + "checked with (repeatable).")
        List<Path> trustKeys = new ArrayList<>();

        @Option(names = "--keyring", paramLabel = "FILE", description = "OpenPGP keyring (repeatable).")
        List<Path> keyrings = new ArrayList<>();

        @Option(names = "--root", paramLabel = "FILE", description = "X.509 root certificate(s) (repeatable).")
        List<Path> roots = new ArrayList<>();

        @Option(names = "--trusted-root", paramLabel = "FILE", description = "Sigstore trusted_root.json.")
        Path trustedRoot;

        @Option(names = "--identity", paramLabel = "SAN", description = "Keyless identity the sigstore attestations "
                + "may be signed by (with --issuer).")
        String identity;

        @Option(names = "--issuer", paramLabel = "URL", description = "OIDC issuer of --identity.")
        String issuer;

        @Option(names = "--secret-env", paramLabel = "NAME", description = "Environment variable holding a secret "
                + "to mask (repeatable).")
        List<String> secretEnv = new ArrayList<>();

        @Mixin
        SharedOptions shared;

        Map<String, String> environment = System.getenv();
        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() throws IOException {
            Output output = new Output(spec, shared);
            String problem = usageProblem();
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), problem);
            }
            KeySigner signer = PemKeys.signer(key(), Optional.ofNullable(passphraseEnv).map(this::env),
                    keyFile != null ? keyFile.toString() : "--key-env " + keyEnv);
            List<SecretValue> secrets = new ArrayList<>();
            secretEnv.forEach(name -> secrets.add(env(name)));
            EvidenceBundle bundle;
            try {
                bundle = bundle();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            Optional<FileSystemEvidenceStore> archiveStore = Optional.ofNullable(archive)
                    .map(a -> new FileSystemEvidenceStore(a.toAbsolutePath().getParent()));
            WrittenBundle written = new BundleWriter(signer, SecretMasker.of(secrets)).write(bundle, new BundleTarget(
                    new FileSystemEvidenceStore(out), "", archiveStore.map(s -> s), archive == null ? ""
                            : archive.getFileName().toString()));
            output.line("Wrote evidence bundle " + out + " (" + written.files().size() + " files, manifest "
                    + written.manifestDigest() + ", signed by " + written.signerKeyId() + ")");
            written.archive().ifPresent(a -> output.line("Archive " + archive + " (" + a.digests().sha256() + ")"));
            for (String m : written.masked()) {
                output.line("  masked secrets in " + m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("directory", out.toString());
            doc.put("archive", archive == null ? null : archive.toString());
            doc.put("archiveSha256", written.archive().map(a -> a.digests().sha256().toString()).orElse(null));
            doc.put("manifestSha256", written.manifestDigest().toString());
            doc.put("keyId", written.signerKeyId());
            doc.put("files", written.files().stream().map(f -> f.name()).toList());
            doc.put("masked", written.masked());
            output.document(doc);
            return ExitCode.PASS;
        }

        private String usageProblem() throws IOException {
            if ((keyFile == null) == (keyEnv == null)) {
                return "give exactly one of --key-file or --key-env";
            }
            if ((identity == null) != (issuer == null)) {
                return "--identity and --issuer go together";
            }
            if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
                return "--out " + out + " must be a new or empty directory (a bundle holds exactly its files)";
            }
            if (archive != null && archive.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
                return "--archive must not be inside --out (it would become an unlisted file of the bundle)";
            }
            if (archive != null && Files.exists(archive, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return "--archive " + archive + " exists; evidence is written once, never over an older file";
            }
            if (gateReport != null && !Files.isDirectory(gateReport)) {
                return "--gate-report " + gateReport + " is not a directory";
            }
            return null;
        }

        private EvidenceBundle bundle() throws IOException {
            ArtifactRef ref = new ArtifactRef(artifact.getFileName().toString(), Hashing.file(artifact),
                    Files.size(artifact));
            EvidenceBundle.Builder b = EvidenceBundle.builder(deploymentId(), environmentName, ref,
                    createdAt != null ? createdAt : clock.instant());
            if (gateReport != null) {
                FileSystemWorkspace report = new FileSystemWorkspace(gateReport);
                for (String name : report.list("**")) {
                    b.gateReport(name, report.read(name));
                }
            }
            sboms.forEach(f -> b.sbom(name(f), CliFiles.read(f, "SBOM (--sbom)")));
            attestations.forEach(f -> b.attestation(name(f), CliFiles.read(f, "attestation (--attestation)")));
            scanReports.forEach(f -> b.scanReport(name(f), CliFiles.read(f, "scan report (--scan-report)")));
            Optional.ofNullable(audit).ifPresent(f -> b.audit(name(f), CliFiles.read(f, "audit log (--audit)")));
            Optional.ofNullable(approval).ifPresent(f -> b.approval(name(f), CliFiles.read(f,
                    "approval (--approval)")));
            Optional.ofNullable(revocations).ifPresent(f -> b.revocations(name(f), CliFiles.read(f,
                    "revocation records (--revocations)")));
            b.trust(new TrustMaterial(evidence(trustKeys, "trusted key (--trust-key)"),
                    evidence(keyrings, "keyring (--keyring)"), evidence(roots, "trusted root certificate (--root)"),
                    Optional.ofNullable(trustedRoot).map(f -> CliFiles.evidence(f, "trusted root (--trusted-root)"))));
            if (identity != null) {
                b.trustedIdentity(IdentityRule.exact(identity, issuer));
            }
            return b.build();
        }

        private String deploymentId() {
            if (deploymentId != null) {
                return deploymentId;
            }
            return environment.getOrDefault("BUILD_TAG", environment.getOrDefault("GITHUB_RUN_ID",
                    "cli-" + UUID.randomUUID()));
        }

        private static String name(Path file) {
            return file.getFileName().toString();
        }

        private static List<EvidenceFile> evidence(List<Path> files, String role) {
            return files.stream().map(f -> CliFiles.evidence(f, role)).toList();
        }

        private static boolean isEmpty(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.findAny().isEmpty();
            }
        }

        private SecretValue key() throws IOException {
            if (keyFile != null) {
                return SecretValue.of(new String(CliFiles.read(keyFile, "private key (--key-file)"),
                        StandardCharsets.UTF_8));
            }
            return env(keyEnv);
        }

        private SecretValue env(String name) {
            String value = environment.get(name);
            if (value == null || value.isEmpty()) {
                throw new InvalidInputException(Problem.of("secret.missing", "environment variable is not set or "
                        + "empty", Location.ofFile("$" + name)));
            }
            return SecretValue.of(value);
        }
    }
}
