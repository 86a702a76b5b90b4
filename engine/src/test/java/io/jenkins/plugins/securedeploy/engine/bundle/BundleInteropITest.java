package io.jenkins.plugins.securedeploy.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.Peers;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle checked by tools that share no code with it: Debian's tar lists and extracts the archive (plain ustar,
 * regular files 0644 owned by 0/0, manifest first), sha256sum checks every file against the manifest as Debian's
 * python3 reads it, securesystemslib (Debian in-toto's crypto layer) verifies manifest.dsse.json with the system key,
 * and archives GNU tar and gzip make from the extracted files verify too — unless GNU tar adds a symbolic link.
 */
class BundleInteropITest {
    @TempDir
    Path dir;

    @Test
    void shouldBeReadByDebianTarSha256sumAndSecuresystemslib() throws Exception {
        SealedBundle sealed = BundleFixtures.sealed();
        Path archive = Files.write(dir.resolve("bundle.tar.gz"), sealed.archive());
        Peers.ok(dir, "gzip", "-t", "bundle.tar.gz");
        String listing = Peers.ok(dir, "tar", "--numeric-owner", "-tvzf", "bundle.tar.gz");
        List<String> lines = listing.lines().toList();
        assertThat(lines).hasSize(sealed.files().size());
        assertThat(lines).allMatch(l -> l.startsWith("-rw-r--r-- 0/0 "));
        assertThat(lines.get(0)).endsWith(" manifest.json");
        assertThat(lines.get(1)).endsWith(" manifest.dsse.json");
        assertThat(Peers.ok(dir, "tar", "-tzf", "bundle.tar.gz").lines().toList())
                .containsExactlyElementsOf(sealed.files().keySet());

        Path out = Files.createDirectories(dir.resolve("out"));
        Peers.ok(dir, "tar", "-xzf", "bundle.tar.gz", "-C", "out");
        Files.write(dir.resolve("sums.py"), ("import json,sys\n"
                + "m = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                + "for f in m['files']:\n    print(f['sha256'] + '  out/' + f['path'])\n").getBytes(StandardCharsets.UTF_8));
        Peers.Run sums = Peers.run(dir, Map.of(), List.of("/usr/bin/python3", "sums.py", "out/manifest.json"));
        assertThat(sums.exitCode()).as(sums.output()).isZero();
        Files.writeString(dir.resolve("SHA256SUMS"), sums.output(), StandardCharsets.UTF_8);
        String checked = Peers.ok(dir, "sha256sum", "--strict", "-c", "SHA256SUMS");
        assertThat(checked.lines().filter(l -> l.endsWith(": OK")).count())
                .isEqualTo(sealed.manifest().files().size());

        Files.write(dir.resolve("intoto_dsse.py"), SignFixtures.resource("interop/intoto_dsse.py"));
        Files.write(dir.resolve("system.pub"), SignFixtures.resource("keys/test-p256.pub.pem"));
        Files.write(dir.resolve("other.pub"), SignFixtures.resource("keys/other-p256.pub.pem"));
        assertThat(python("verify", "out/manifest.dsse.json", "system.pub", "ecdsa")).isEqualTo("VERIFIED");
        assertThat(python("verify", "out/manifest.dsse.json", "other.pub", "ecdsa")).isEqualTo("FAILED");

        BundleVerification extracted = new BundleVerifier().verify(BundleSource.of(out),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(extracted.isVerified()).as(extracted.reasons().toString()).isTrue();
        assertThat(archive).exists();
    }

    @Test
    void shouldVerifyAnArchiveGnuTarMadeAndRefuseTheLinkItAdds() throws Exception {
        SealedBundle sealed = BundleFixtures.sealed();
        Path out = BundleFixtures.writeDirectory(sealed, Files.createDirectories(dir.resolve("out")));
        List<String> tar = new ArrayList<>(List.of("tar", "--format=ustar", "--owner=0", "--group=0", "-cf",
                "../gnu.tar"));
        tar.addAll(sealed.files().keySet());
        Peers.ok(out, tar.toArray(String[]::new));
        Peers.ok(dir, "gzip", "-n", "-9", "gnu.tar");
        BundleVerification gnu = new BundleVerifier().verify(BundleSource.of(dir.resolve("gnu.tar.gz")),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(gnu.isVerified()).as(gnu.reasons().toString()).isTrue();

        Files.createSymbolicLink(out.resolve("scan-reports/passwd.json"), Path.of("/etc/passwd"));
        tar.set(tar.indexOf("../gnu.tar"), "../linked.tar");
        tar.add("scan-reports/passwd.json");
        Peers.ok(out, tar.toArray(String[]::new));
        Peers.ok(dir, "gzip", "-n", "linked.tar");
        BundleVerification linked = new BundleVerifier().verify(BundleSource.of(dir.resolve("linked.tar.gz")),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(linked.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(linked.reasons()).extracting(Problem::describe)
                .containsExactly("scan-reports/passwd.json: is a symbolic link; a bundle holds regular files only "
                        + "[bundle.not-regular]");
    }

    private String python(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "intoto_dsse.py"));
        cmd.addAll(List.of(args));
        Peers.Run r = Peers.run(dir, Map.of(), cmd);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().trim();
    }
}
