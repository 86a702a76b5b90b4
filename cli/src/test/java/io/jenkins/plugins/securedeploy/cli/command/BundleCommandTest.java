package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bundle create} and {@code verify-bundle} in-process on evidence the other commands make (sbom generate on the
 * sample's lockfile, gate, attest with a build key): exit codes, tampering named, the same archive twice, the secret
 * canary masked or refused and absent from every output.
 */
class BundleCommandTest {
    @TempDir
    Path dir;

    StringWriter out;
    StringWriter err;
    Path artifact;
    Path systemKey;
    Path systemPub;
    Path buildPub;
    Path report;
    Path sbom;
    Path findings;
    Path attestations;

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    String p(Path f) {
        return f.toString();
    }

    @BeforeEach
    void evidence() throws Exception {
        artifact = Files.writeString(dir.resolve("app-1.0.0.txt"), "app 1.0.0\n", StandardCharsets.UTF_8);
        systemKey = Files.write(dir.resolve("system.pem"), SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"));
        systemPub = Files.write(dir.resolve("system.pub"), SignFixtures.resource("keys/test-p256.pub.pem"));
        Path buildKey = Files.write(dir.resolve("build.pem"), SignFixtures.resource(
                "keys/other-p256.TESTKEY-private.pem"));
        buildPub = Files.write(dir.resolve("build.pub"), SignFixtures.resource("keys/other-p256.pub.pem"));
        sbom = dir.resolve("sbom.cdx.json");
        assertThat(run("sbom", "generate", "--artifact", p(artifact), "--out", p(sbom), "--name", "sample-app",
                p(Path.of("..", "samples", "app", "package-lock.json")))).as(err.toString()).isZero();
        findings = Files.writeString(dir.resolve("trivy.json"), """
                {"format": "secure-deploy-findings", "version": 1, "results": [{"tool": "trivy",
                 "toolVersion": "0.50.0",
                 "findings": [{"ruleId": "CVE-2024-1", "title": "openssl overflow", "severity": "LOW",
                   "category": "SCA", "ids": ["CVE-2024-1"],
                   "package": {"name": "openssl", "version": "3.0.1", "fixedVersion": "3.0.13"}}]}]}
                """, StandardCharsets.UTF_8);
        report = dir.resolve("report");
        assertThat(run("gate", "--report-dir", p(report), p(findings))).as(err.toString()).isZero();
        attestations = dir.resolve("att");
        assertThat(run("attest", "--artifact", p(artifact), "--key-file", p(buildKey), "--sbom", p(sbom),
                "--predicate", "provenance", "--predicate", "scan", "--gate-report", p(report.resolve(
                        "gate-report.json")), "--out", p(attestations))).as(err.toString()).isZero();
    }

    List<String> create(Path bundle, Path archive, String... extra) {
        List<String> args = new ArrayList<>(List.of("bundle", "create", "--out", p(bundle), "--artifact", p(artifact),
                "--key-file", p(systemKey), "--env", "staging", "--deployment-id", "app-7", "--created-at",
                "2026-12-01T10:00:00Z", "--gate-report", p(report), "--sbom", p(sbom), "--attestation",
                p(attestations.resolve("provenance.intoto.json")), "--attestation",
                p(attestations.resolve("scan.intoto.json")), "--scan-report", p(findings), "--trust-key",
                p(buildPub)));
        if (archive != null) {
            args.addAll(List.of("--archive", p(archive)));
        }
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void shouldCreateABundleThatVerifiesAsDirectoryAndArchiveAndTheSameTwice() throws Exception {
        Path bundle = dir.resolve("bundle");
        Path archive = dir.resolve("bundle.tar.gz");
        assertThat(run(create(bundle, archive).toArray(String[]::new))).as(err.toString()).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("Wrote evidence bundle").contains("Archive ");
        Matcher keyId = Pattern.compile("signed by (sha256:[0-9a-f]{64})").matcher(out.toString());
        assertThat(keyId.find()).isTrue();
        assertThat(run("verify-bundle", "--key", p(systemPub), p(archive))).as(out.toString()).isEqualTo(
                ExitCode.PASS);
        assertThat(out.toString()).startsWith("PASSED evidence bundle").contains("deployment app-7 to staging")
                .contains("checked: attestations/provenance.intoto.json: VERIFIED dsse")
                .contains("checked: sbom/sbom.cdx.json: valid CycloneDX JSON 1.6")
                .contains("checked: gate-report/gate-report.json: gate verdict recorded: PASSED");
        assertThat(run("verify-bundle", "--json", "--keyid", keyId.group(1), "--artifact", p(artifact), p(bundle)))
                .as(out.toString()).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("\"status\" : \"VERIFIED\"").contains("\"gateVerdict\" : \"PASSED\"")
                .contains("\"environment\" : \"staging\"");

        Path again = dir.resolve("again");
        Path archive2 = dir.resolve("again.tar.gz");
        assertThat(run(create(again, archive2, "--json").toArray(String[]::new))).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("\"archiveSha256\"");
        assertThat(Files.readAllBytes(archive2)).isEqualTo(Files.readAllBytes(archive));
    }

    @Test
    void shouldNameTheChangedRemovedOrAddedFile() throws Exception {
        Path bundle = dir.resolve("bundle");
        assertThat(run(create(bundle, null).toArray(String[]::new))).as(err.toString()).isZero();
        Files.writeString(bundle.resolve("gate-report/index.html"), "<p>all good</p>", StandardCharsets.UTF_8);
        assertThat(run("verify-bundle", "--key", p(systemPub), p(bundle))).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).startsWith("FAILED evidence bundle")
                .contains("  gate-report/index.html: is 15 bytes; the signed manifest records");
        Files.delete(bundle.resolve("sbom/sbom.cdx.json"));
        Files.writeString(bundle.resolve("scan-reports/extra.json"), "{}", StandardCharsets.UTF_8);
        assertThat(run("verify-bundle", "--json", "--key", p(systemPub), p(bundle))).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("sbom/sbom.cdx.json: is listed in the signed manifest but missing")
                .contains("scan-reports/extra.json: is not listed in the signed manifest")
                .contains("\"status\" : \"FAILED\"");
        assertThat(run("verify-bundle", "--key", p(buildPub), p(bundle))).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("manifest.dsse.json");
        assertThat(run("verify-bundle", "--key", p(systemPub), p(dir.resolve("nope")))).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("does not exist");
    }

    @Test
    void shouldRefuseBadCommandLines() throws Exception {
        Path bundle = dir.resolve("bundle");
        assertThat(run("verify-bundle", p(bundle))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("never against its own key alone");
        assertThat(run("verify-bundle", "--keyid", "abc", p(bundle))).isEqualTo(ExitCode.USAGE);
        List<String> noKey = create(bundle, null);
        noKey.removeAll(List.of("--key-file", p(systemKey)));
        assertThat(run(noKey.toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
        assertThat(run(create(bundle, null, "--identity", "x").toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
        assertThat(run(create(dir, null).toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("must be a new or empty directory");
        assertThat(run(create(bundle, bundle.resolve("b.tar.gz")).toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("must not be inside --out");
        assertThat(run(create(bundle, sbom).toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("written once");
        assertThat(run(create(bundle, null, "--gate-report", p(sbom)).toArray(String[]::new)))
                .isEqualTo(ExitCode.USAGE);
        assertThat(run(create(bundle, null, "--sbom", p(sbom)).toArray(String[]::new))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("differ in more than case");
        assertThat(Files.exists(bundle)).isFalse();
    }

    @Test
    void shouldMaskScanReportsRefuseASecretInASignedFileAndNeverPrintIt() throws Exception {
        SecretCanary canary = SecretCanary.create();
        Path leaky = Files.writeString(dir.resolve("leaky.json"), "{\"token\":\"" + canary.value() + "\"}",
                StandardCharsets.UTF_8);
        Path bundle = dir.resolve("bundle");
        Path archive = dir.resolve("bundle.tar.gz");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(create(canary, o, e, create(bundle, archive, "--scan-report", p(leaky), "--secret-env", "TOKEN")))
                .as(e.toString()).isZero();
        assertThat(o.toString()).contains("masked secrets in scan-reports/leaky.json");
        canary.assertAbsentFromDirectory(bundle);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(archive)))) {
            canary.assertAbsent("archive", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
        assertThat(run("verify-bundle", "--key", p(systemPub), p(archive))).isZero();
        canary.assertAbsent("verify output", out.toString() + err.toString());

        Path signedLeak = Files.writeString(dir.resolve("leak.intoto.json"), "{\"payloadType\":\"x\",\"payload\":\""
                + canary.value() + "\",\"signatures\":[]}", StandardCharsets.UTF_8);
        StringWriter o2 = new StringWriter();
        StringWriter e2 = new StringWriter();
        assertThat(create(canary, o2, e2, create(dir.resolve("b2"), null, "--attestation", p(signedLeak),
                "--secret-env", "TOKEN"))).isEqualTo(ExitCode.ERROR);
        assertThat(e2.toString()).contains("attestations/leak.intoto.json contains a secret value");
        canary.assertAbsent("create output", o.toString() + e.toString() + o2.toString() + e2.toString());
    }

    int create(SecretCanary canary, StringWriter o, StringWriter e, List<String> args) {
        BundleCommand.Create cmd = new BundleCommand.Create();
        cmd.environment = Map.of("TOKEN", canary.value());
        CommandLine cl = SecureDeployCliAccess.configure(new CommandLine(cmd), o, e);
        return cl.execute(args.subList(2, args.size()).toArray(String[]::new));
    }
}
