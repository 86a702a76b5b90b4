package io.jenkins.plugins.securedeploy.engine.sign.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Peers;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.pgp.PgpVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.registry.Verifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gpg --detach-sign} signatures (throwaway GNUPGHOME, batch, no passphrase) verify with ours; a changed byte fails. */
class GpgInteropITest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} armored={1}")
    @CsvSource({"ed25519,true", "ed25519,false", "rsa3072,true", "rsa3072,false"})
    void shouldVerifyGpgDetachedSignatures(String algorithm, boolean armor) throws Exception {
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());
        gpg(env, "--passphrase", "", "--quick-gen-key", "Interop <interop@secure-deploy.invalid>", algorithm, "sign",
                "1y");
        Path artifact = Files.write(dir.resolve("release.tar"), "release bytes\n".repeat(1000)
                .getBytes(StandardCharsets.UTF_8));
        gpg(env, armor ? "--armor" : "--no-armor", "--output", "release.tar.sig", "--detach-sign", "release.tar");
        gpg(env, armor ? "--armor" : "--no-armor", "--output", "keyring", "--export", "interop@secure-deploy.invalid");
        EvidenceFile sig = new EvidenceFile("release.tar.sig", Files.readAllBytes(dir.resolve("release.tar.sig")));
        TrustMaterial ring = TrustMaterial.ofKeyrings(new EvidenceFile("keyring",
                Files.readAllBytes(dir.resolve("keyring"))));
        assertThat(Verifiers.standard().detect(sig).verifier().orElseThrow().family()).isEqualTo("pgp");
        VerificationResult ok = new PgpVerifier().verify(VerificationRequest.of(sig,
                ArtifactSource.of(artifact, "release.tar"), ring, VerificationPolicy.STRICT));
        assertThat(ok.isVerified()).as(ok.headline()).isTrue();
        String fpr = gpg(env, "--with-colons", "--list-keys").lines().filter(l -> l.startsWith("fpr:")).findFirst()
                .orElseThrow().split(":")[9];
        assertThat(ok.signers()).containsExactly(fpr);

        byte[] changed = Files.readAllBytes(artifact);
        changed[changed.length / 2] ^= 1;
        VerificationResult bad = new PgpVerifier().verify(VerificationRequest.of(sig,
                ArtifactSource.of(changed, "release.tar"), ring, VerificationPolicy.STRICT));
        assertThat(bad.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(bad.reasons().get(0).message()).contains("does not verify");
    }

    private String gpg(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("gpg", "--batch", "--yes", "--pinentry-mode", "loopback"));
        cmd.addAll(List.of(args));
        Peers.Run r = Peers.run(dir, env, cmd);
        assertThat(r.exitCode()).as(String.join(" ", cmd) + ": " + r.output()).isZero();
        return r.output();
    }
}
