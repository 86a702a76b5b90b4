package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AttestVerifyCommandTest {
    @TempDir
    Path dir;

    StringWriter out;
    StringWriter err;
    Path artifact;
    Path key;
    Path pub;

    @BeforeEach
    void files() throws Exception {
        artifact = Files.write(dir.resolve("app.bin"), SignFixtures.ARTIFACT);
        key = Files.write(dir.resolve("signer.pem"), SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"));
        pub = Files.write(dir.resolve("signer.pub"), SignFixtures.resource("keys/test-p256.pub.pem"));
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    String p(Path f) {
        return f.toString();
    }

    @Test
    void shouldAttestProvenanceThatVerifiesAndFailsForAChangedArtifact() throws Exception {
        Path envelope = dir.resolve("app.intoto.json");
        assertThat(run("attest", "--artifact", p(artifact), "--key-file", p(key), "--out", p(envelope)))
                .as(err.toString()).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("Wrote provenance attestation").contains("sha256:");
        assertThat(run("verify", "--key", p(pub), "--artifact", p(artifact), "--predicate-type",
                "https://slsa.dev/provenance/v1", p(envelope))).as(out.toString()).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("dsse").contains("signed by sha256:");
        Path other = Files.write(dir.resolve("other.bin"), "other".getBytes(StandardCharsets.UTF_8));
        assertThat(run("verify", "--key", p(pub), "--artifact", p(other), p(envelope))).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("FAILED").contains("not a subject");
        assertThat(run("verify", "--json", "--key", p(pub), p(envelope))).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("\"status\" : \"ERROR\"").contains("artifact.missing");
        assertThat(run("verify", "--json", "--no-artifact", "--key", p(pub), p(envelope))).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("the artifact is not checked");
    }

    @Test
    void shouldAttestBothPredicatesIntoADirectoryWithTheKeyFromTheEnvironment() throws Exception {
        Path report = Files.writeString(dir.resolve("gate-report.json"), "{\"format\":\"secure-deploy-gate-report\","
                + "\"decision\":{\"verdict\":\"PASSED\",\"allowsDeployment\":true,\"reasons\":[]},\"summary\":"
                + "{\"bySeverity\":{\"HIGH\":{\"total\":0}}},\"waivers\":{\"applied\":[]}}", StandardCharsets.UTF_8);
        SecretCanary canary = SecretCanary.create();
        AttestCommand cmd = new AttestCommand();
        cmd.environment = Map.of("SIGNING_KEY", Files.readString(key), "BROKEN_KEY", canary.value());
        CommandLine cl = new CommandLine(cmd);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute("--artifact", p(artifact), "--key-env", "SIGNING_KEY", "--predicate", "provenance",
                "--predicate", "scan", "--gate-report", p(report), "--out", p(dir.resolve("att")));
        assertThat(code).as(e.toString()).isZero();
        assertThat(dir.resolve("att/provenance.intoto.json")).exists();
        Path scan = dir.resolve("att/scan.intoto.json");
        assertThat(run("verify", "--key", p(pub), "--artifact", p(artifact), "--predicate-type",
                "https://secure-deploy.jenkins.io/scan-results/v1", p(scan))).isEqualTo(ExitCode.PASS);

        AttestCommand broken = new AttestCommand();
        broken.environment = cmd.environment;
        CommandLine bl = SecureDeployCliAccess.configure(new CommandLine(broken), o, e);
        int bad = bl.execute("--artifact", p(artifact), "--key-env", "BROKEN_KEY", "--out", p(dir.resolve("x.json")));
        assertThat(bad).isEqualTo(ExitCode.ERROR);
        canary.assertAbsent("output", o + e.toString());
        assertThat(e.toString()).contains("--key-env BROKEN_KEY");
    }

    @Test
    void shouldVerifyEveryFamilyFromTheCommandLine() throws Exception {
        Path sig = Files.write(dir.resolve("app.bin.sig"), SignFixtures.cosignSignature(SignFixtures.signer(),
                SignFixtures.ARTIFACT));
        assertThat(run("verify", "--key", p(pub), "--artifact", p(artifact), p(sig))).isEqualTo(ExitCode.PASS);
        Path pin = Files.write(dir.resolve("app.bin.sha256"), SignFixtures.digestPin());
        assertThat(run("verify", "--artifact", p(artifact), p(pin))).isEqualTo(ExitCode.PASS);
        assertThat(run("verify", "--type", "cosign", "--key", p(pub), "--artifact", p(artifact), p(pin)))
                .isEqualTo(ExitCode.ERROR);
        Path asc = Files.write(dir.resolve("a.asc"), SignFixtures.resource("pgp/artifact.txt.asc"));
        Path ring = Files.write(dir.resolve("ring.asc"), SignFixtures.resource("pgp/test-keyring.asc"));
        Path txt = Files.write(dir.resolve("artifact.txt"), SignFixtures.resource("pgp/artifact.txt"));
        assertThat(run("verify", "--keyring", p(ring), "--artifact", p(txt), p(asc))).isEqualTo(ExitCode.PASS);
        Path chain = Files.write(dir.resolve("leaf.pem"), SignFixtures.resource("x509/leaf-codesigning.pem"));
        Path root = Files.write(dir.resolve("root.pem"), SignFixtures.resource("x509/root.pem"));
        assertThat(run("verify", "--root", p(root), "--no-artifact", p(chain))).as(out.toString())
                .isEqualTo(ExitCode.PASS);
        Path unknown = Files.writeString(dir.resolve("x.txt"), "hello", StandardCharsets.UTF_8);
        assertThat(run("verify", p(unknown))).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("no verifier family recognises");
        assertThat(run("verify", "--identity", "a@b", p(unknown))).isEqualTo(ExitCode.USAGE);
        assertThat(run("verify", "--digest", "md5:00", p(unknown))).isEqualTo(ExitCode.USAGE);
        assertThat(run("verify", p(dir.resolve("missing.json")))).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("missing.json");
    }

    @Test
    void shouldGateOnVerifiedSignatureEvidence() throws Exception {
        Path findings = Files.writeString(dir.resolve("f.json"), "{\"format\": \"secure-deploy-findings\", \"version\": 1, "
                + "\"results\": [{\"tool\": \"trivy\", \"toolVersion\": \"1\", \"findings\": []}]}", StandardCharsets.UTF_8);
        Path policy = Files.writeString(dir.resolve("p.yml"), "version: 1\nevidence: {signature: true}\n",
                StandardCharsets.UTF_8);
        assertThat(run("gate", "--policy", p(policy), "--report-dir", p(dir.resolve("r1")), p(findings)))
                .isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("evidence.signature").contains("no verified signature");
        Path sig = Files.write(dir.resolve("app.bin.sig"), SignFixtures.cosignSignature(SignFixtures.signer(),
                SignFixtures.ARTIFACT));
        assertThat(run("gate", "--policy", p(policy), "--report-dir", p(dir.resolve("r2")), "--signature", p(sig),
                "--artifact", p(artifact), "--key", p(pub), p(findings))).as(out.toString()).isEqualTo(ExitCode.PASS);
        Path forged = Files.write(dir.resolve("forged.sig"), SignFixtures.cosignSignature(SignFixtures.otherSigner(),
                SignFixtures.ARTIFACT));
        assertThat(run("gate", "--policy", p(policy), "--report-dir", p(dir.resolve("r3")), "--signature", p(forged),
                "--artifact", p(artifact), "--key", p(pub), p(findings))).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("FAILED evidence.signature: signature verification FAILED cosign");
    }
}
