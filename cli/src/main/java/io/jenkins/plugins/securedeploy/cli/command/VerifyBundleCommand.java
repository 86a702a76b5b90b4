package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleManifest;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleSource;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleVerification;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleVerifier;
import io.jenkins.plugins.securedeploy.engine.bundle.ManifestAnchor;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * {@code secure-deploy verify-bundle BUNDLE}: verifies an evidence bundle (directory or .tar.gz) fully offline against
 * a key the user trusts. Exit 0 VERIFIED, 1 FAILED, 3 ERROR, 2 usage.
 */
@Command(name = "verify-bundle", mixinStandardHelpOptions = true,
        description = {"Verify an evidence bundle (directory or .tar.gz) offline: the manifest's signature against the "
                + "key you trust (--key, or --keyid pinned with the bundle's own trust folder), every file's size and "
                + "SHA-256, nothing missing or added, no unsafe entry; then each attestation, SBOM and the gate report "
                + "inside.",
            "Exit 0 verified, 1 failed, 3 error (unreadable bundle, key or archive), 2 usage."},
        footer = {"%nExamples:",
            "  secure-deploy verify-bundle --key system.pub evidence-bundle.tar.gz",
            "  secure-deploy verify-bundle --keyid sha256:3f1c... --artifact app.tar.gz evidence-bundle/"})
public final class VerifyBundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle directory or .tar.gz archive.")
    Path bundle;

    @Option(names = "--key", paramLabel = "FILE", description = "The public key (PEM) that must have signed the "
            + "manifest.")
    Path key;

    @Option(names = "--keyid", paramLabel = "ID", description = "The id (sha256:...) of the key that must have signed "
            + "the manifest; the key itself is taken from the bundle's trust folder.")
    String keyId;

    @Option(names = "--artifact", paramLabel = "FILE", description = "Also check this file is the bundle's artifact "
            + "(streamed), and the attestations against it.")
    Path artifact;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        Output output = new Output(spec, shared);
        if (key == null && keyId == null) {
            throw new ParameterException(spec.commandLine(), "give --key FILE or --keyid ID: a bundle is verified "
                    + "against a key you trust, never against its own key alone");
        }
        ManifestAnchor anchor;
        try {
            anchor = new ManifestAnchor(Optional.ofNullable(key).map(f -> CliFiles.evidence(f, "trusted key (--key)")), Optional.ofNullable(keyId));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--keyid: " + e.getMessage(), e);
        }
        BundleVerification result = new BundleVerifier().verify(BundleSource.of(bundle), anchor,
                Optional.ofNullable(artifact).map(a -> ArtifactSource.of(a, a.toString())));
        String status = result.status().name();
        output.line(output.verdict(result.isVerified() ? "PASSED" : status) + " "
                + result.headline().substring(status.length() + 1));
        for (Problem p : result.reasons()) {
            output.line("  " + p.describe());
        }
        for (String c : result.checks()) {
            output.line("  checked: " + c);
        }
        for (String n : result.notChecked()) {
            output.line("  not checked: " + n);
        }
        output.document(document(result));
        return result.isVerified() ? ExitCode.PASS
                : result.status() == VerificationStatus.FAILED ? ExitCode.GATE_FAILED : ExitCode.ERROR;
    }

    private static Map<String, Object> document(BundleVerification r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", r.status().name());
        doc.put("bundle", r.bundle());
        doc.put("headline", r.headline());
        BundleManifest m = r.manifest().orElse(null);
        doc.put("deploymentId", m == null ? null : m.deploymentId());
        doc.put("environment", m == null ? null : m.environment());
        if (m != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", m.artifact().name());
            a.put("digests", m.artifact().digests().digests().values().stream().map(Digest::toString).toList());
            doc.put("artifact", a);
            doc.put("createdAt", m.createdAt().toString());
            doc.put("files", m.files().size());
        }
        doc.put("signers", r.signers());
        doc.put("gateVerdict", r.gateVerdict().orElse(null));
        doc.put("reasons", r.reasons().stream().map(Problem::describe).toList());
        doc.put("checks", r.checks());
        doc.put("notChecked", r.notChecked());
        return doc;
    }
}
