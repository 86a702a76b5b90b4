package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy verify EVIDENCE}: verifies a DSSE envelope, cosign blob signature, OpenPGP signature, X.509
 * chain or digest pin (auto-detected, or {@code --type}) under the strict policy unless a relaxation is named.
 * Exit 0 VERIFIED, 1 FAILED, 3 ERROR, 2 usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify signature evidence (dsse, cosign, pgp, x509, digest; auto-detected) - strict by default.",
            "Exit 0 verified, 1 failed, 3 error (unreadable evidence or trust material), 2 usage."},
        footer = {"%nExamples:",
            "  secure-deploy verify --key signer.pub --artifact app.tar.gz app.intoto.json",
            "  secure-deploy verify --key cosign.pub --artifact app.tar.gz app.tar.gz.sig",
            "  secure-deploy verify --keyring KEYS --artifact app.pom app.pom.asc",
            "  secure-deploy verify --artifact app.tar.gz app.tar.gz.sha256"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVIDENCE", description = "Envelope, signature, chain or digest file.")
    Path evidence;

    @Option(names = "--artifact", paramLabel = "FILE", description = "The artifact the evidence is about (streamed).")
    Path artifact;

    @Option(names = "--type", paramLabel = "FAMILY", description = "Force the family: dsse, cosign, pgp, x509, digest.")
    String type;

    @Option(names = "--key", paramLabel = "FILE", description = "Trusted public key (PEM SPKI; repeatable).")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--keyring", paramLabel = "FILE", description = "Trusted OpenPGP keyring (armored or binary).")
    List<Path> keyrings = new ArrayList<>();

    @Option(names = "--root", paramLabel = "FILE", description = "Trusted X.509 root certificate(s) (PEM).")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--trusted-root", paramLabel = "FILE", description = "Sigstore trusted_root.json (offline).")
    Path trustedRoot;

    @Option(names = "--identity", paramLabel = "SAN", description = "Allowed keyless identity (with --issuer).")
    String identity;

    @Option(names = "--issuer", paramLabel = "URL", description = "OIDC issuer of --identity.")
    String issuer;

    @Option(names = "--digest", paramLabel = "ALG:HEX", description = "The digest the subject must have (pinned).")
    String digest;

    @Option(names = "--predicate-type", paramLabel = "URI", description = "Required in-toto predicate type.")
    String predicateType;

    @Option(names = "--allowed-key-id", paramLabel = "ID", description = "Only these key ids may sign (repeatable).")
    List<String> allowedKeyIds = new ArrayList<>();

    @Option(names = "--no-artifact", description = "Relaxation: check the evidence without the artifact.")
    boolean noArtifact;

    @Option(names = "--any-signature", description = "Relaxation: one trusted signature is enough.")
    boolean anySignature;

    @Option(names = "--allow-unknown-fields", description = "Relaxation: tolerate fields outside the format's spec.")
    boolean allowUnknownFields;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        Output output = new Output(spec, shared);
        if ((identity == null) != (issuer == null)) {
            throw new ParameterException(spec.commandLine(), "--identity and --issuer go together");
        }
        VerificationPolicy policy;
        try {
            policy = policy();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--digest: " + e.getMessage(), e);
        }
        VerificationRequest request = VerificationRequest.of(CliFiles.evidence(evidence, "evidence"),
                artifact == null ? null : ArtifactSource.of(artifact, artifact.toString()), trust(), policy);
        VerificationResult result = VerificationService.standard().verify(request, Optional.ofNullable(type));
        output.line(output.verdict(result.isVerified() ? "PASSED" : result.status().name()) + " "
                + result.headline().substring(result.status().name().length() + 1));
        for (Problem p : result.reasons()) {
            output.line("  " + p.describe());
        }
        for (String r : result.relaxations()) {
            output.line("  relaxed: " + r);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", result.status().name());
        doc.put("family", result.family());
        doc.put("subject", result.subject());
        doc.put("headline", result.headline());
        doc.put("signers", result.signers());
        doc.put("subjectDigests", result.subjectDigests().map(d -> d.digests().values().stream()
                .map(Digest::toString).toList()).orElse(List.of()));
        doc.put("signedAt", result.signedAt().map(Object::toString).orElse(null));
        doc.put("reasons", result.reasons().stream().map(Problem::describe).toList());
        doc.put("relaxations", result.relaxations());
        output.document(doc);
        return result.isVerified() ? ExitCode.PASS
                : result.status() == VerificationStatus.FAILED ? ExitCode.GATE_FAILED : ExitCode.ERROR;
    }

    private VerificationPolicy policy() {
        VerificationPolicy p = VerificationPolicy.STRICT;
        if (digest != null) {
            p = p.withExpectedDigests(DigestSet.of(Digest.parse(digest)));
        }
        if (predicateType != null) {
            p = p.withExpectedPredicateType(predicateType);
        }
        if (!allowedKeyIds.isEmpty()) {
            p = p.withAllowedKeyIds(allowedKeyIds);
        }
        if (identity != null) {
            p = p.withAllowedIdentities(List.of(IdentityRule.exact(identity, issuer)));
        }
        if (noArtifact) {
            p = p.withoutArtifact();
        }
        if (anySignature) {
            p = p.allowingAnySignature();
        }
        if (allowUnknownFields) {
            p = p.allowingUnknownFields();
        }
        return p;
    }

    private TrustMaterial trust() {
        return new TrustMaterial(read(keys, "trusted key (--key)"), read(keyrings, "keyring (--keyring)"),
                read(roots, "trusted root certificate (--root)"),
                Optional.ofNullable(trustedRoot).map(f -> CliFiles.evidence(f, "trusted root (--trusted-root)")));
    }

    /** A file for a verifier (also the gate's --signature/--provenance evidence). */
    static EvidenceFile read(Path file) {
        return CliFiles.evidence(file, "file");
    }

    private static List<EvidenceFile> read(List<Path> files, String role) {
        return files.stream().map(f -> CliFiles.evidence(f, role)).toList();
    }
}
