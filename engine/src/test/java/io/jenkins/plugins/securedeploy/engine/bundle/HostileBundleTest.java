package io.jenkins.plugins.securedeploy.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Crafted archives and directories no bundle writer makes — one attack each, as sigstore-java's tampered corpus: every
 * one is FAILED or ERROR naming what is wrong, nothing is written anywhere (the verifier extracts nothing), and the
 * limits stop bombs before memory or time run out.
 */
class HostileBundleTest {
    static Map<String, byte[]> files;
    static final byte[] EVIL = "owned\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void seal() {
        files = BundleFixtures.sealed().files();
    }

    BundleVerification verify(byte[] archive) {
        return verify(archive, BundleLimits.DEFAULT);
    }

    BundleVerification verify(byte[] archive, BundleLimits limits) {
        BundleVerification v = new BundleVerifier(VerificationService.standard(), limits,
                AuditExcerptCheck.NOT_AVAILABLE).verify(BundleSource.archive("hostile.tar.gz",
                        () -> new ByteArrayInputStream(archive)), ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertNothingWritten();
        return v;
    }

    /**
     * No file named {@code evil*} appeared anywhere near the temp folder (a path-traversal entry would land there).
     * Other processes create and delete temp folders meanwhile: a folder that vanishes during the walk is skipped.
     */
    void assertNothingWritten() {
        List<Path> evil = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(dir.getParent(), java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 3,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file,
                                java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (file.getFileName().toString().startsWith("evil")) {
                                evil.add(file);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(Path d,
                                java.nio.file.attribute.BasicFileAttributes attrs) {
                            return visitFile(d, attrs);
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(evil).isEmpty();
    }

    static List<String> codes(BundleVerification v) {
        return v.reasons().stream().map(Problem::code).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "../evil.txt, 0, bundle.unsafe-name, contains '..'",
        "/tmp/evil.txt, 0, bundle.unsafe-name, is absolute",
        "trust/../../evil.txt, 0, bundle.unsafe-name, contains '..'",
        "./evil.txt, 0, bundle.unsafe-name, segment outside",
        ".evil, 0, bundle.unsafe-name, segment outside",
        "evil\\..\\x, 0, bundle.unsafe-name, segment outside",
        "evil-link, 2, bundle.not-regular, a symbolic link",
        "evil-hardlink, 1, bundle.not-regular, a hard link",
        "evil-tty, 3, bundle.not-regular, a character device",
        "evil-disk, 4, bundle.not-regular, a block device",
        "evil-dir, 5, bundle.not-regular, a directory entry",
        "evil-fifo, 6, bundle.not-regular, a FIFO",
        "evil-pax, x, bundle.not-regular, a pax extended header",
        "evil-longname, L, bundle.not-regular, a GNU long-name header"
    })
    void shouldRefuseUnsafeEntries(String name, char type, String code, String message) {
        byte[] content = type == '2' || type == '1' ? new byte[0] : EVIL;
        BundleVerification v = verify(TarCrafter.of(files).entry(name, (byte) type, 0644, content.length, content)
                .tarGz());
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(v.reasons()).anyMatch(p -> p.code().equals(code) && p.message().contains(message));
    }

    @Test
    void shouldRefuseATraversalHiddenInTheUstarPrefix() {
        BundleVerification v = verify(TarCrafter.of(files).prefixed("../..", "evil.txt", EVIL).tarGz());
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(v.reasons()).anyMatch(p -> p.code().equals("bundle.unsafe-name")
                && p.location().file().equals("../../evil.txt"));
    }

    @Test
    void shouldRefuseDuplicatesCaseCollisionsAndSetuidBits() {
        String sbom = "sbom/sbom.cdx.json";
        BundleVerification dup = verify(TarCrafter.of(files).file(sbom, EVIL).tarGz());
        assertThat(codes(dup)).containsExactly("bundle.duplicate");
        assertThat(dup.reasons().get(0).location().file()).isEqualTo(sbom);
        BundleVerification dupManifest = verify(TarCrafter.of(files).file("manifest.json", EVIL).tarGz());
        assertThat(codes(dupManifest)).containsExactly("bundle.duplicate");
        BundleVerification folded = verify(TarCrafter.of(files).file("SBOM/sbom.cdx.json", EVIL).tarGz());
        assertThat(codes(folded)).containsExactly("bundle.case-collision");
        Map<String, byte[]> rest = new java.util.LinkedHashMap<>(files);
        byte[] report = rest.remove("scan-reports/bandit.json");
        BundleVerification setuid = verify(TarCrafter.of(rest).entry("scan-reports/bandit.json", (byte) '0', 04755,
                report.length, report).tarGz());
        assertThat(codes(setuid)).containsExactly("bundle.unsafe-mode");
    }

    @Test
    void shouldRefuseAnArchiveThatDoesNotStartWithTheManifest() {
        Map<String, byte[]> reordered = new java.util.LinkedHashMap<>();
        reordered.put("sbom/sbom.cdx.json", files.get("sbom/sbom.cdx.json"));
        files.forEach(reordered::putIfAbsent);
        BundleVerification v = verify(TarCrafter.of(reordered).tarGz());
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(v)).containsExactly("archive.order");
    }

    @Test
    void shouldRefuseDataHiddenAfterTheEndOfTheArchive() {
        byte[] tar = TarCrafter.of(files).tar();
        byte[] hidden = TarCrafter.of(files).raw(new byte[1024]).file("evil.txt", EVIL).tar();
        assertThat(codes(verify(ArchiveWriter.gzip(hidden)))).containsExactly("archive.trailing-data");
        ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
        twoMembers.writeBytes(ArchiveWriter.gzip(tar));
        twoMembers.writeBytes(ArchiveWriter.gzip(TarCrafter.of(Map.of("evil.txt", EVIL)).tar()));
        BundleVerification second = verify(twoMembers.toByteArray());
        assertThat(second.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(second)).containsExactly("archive.trailing-data");
        ByteArrayOutputStream garbage = new ByteArrayOutputStream();
        garbage.writeBytes(ArchiveWriter.gzip(tar));
        garbage.writeBytes(EVIL);
        assertThat(codes(verify(garbage.toByteArray()))).containsExactly("archive.trailing-data");
    }

    @Test
    void shouldErrorOnArchivesThatCannotBeRead() {
        byte[] good = TarCrafter.of(files).tarGz();
        assertThat(codes(verify(TarCrafter.of(files).tar()))).containsExactly("archive.not-gzip");
        assertThat(codes(verify(java.util.Arrays.copyOf(good, good.length / 2)))).containsExactly("archive.truncated");
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        BundleVerification corrupt = verify(flipped);
        assertThat(corrupt.status()).isNotEqualTo(VerificationStatus.VERIFIED);
        assertThat(codes(verify(ArchiveWriter.gzip(TarCrafter.of(files).corruptHeader("x").tar()))))
                .containsExactly("archive.corrupt");
        assertThat(codes(verify(ArchiveWriter.gzip(TarCrafter.of(files).unterminated()))))
                .containsExactly("archive.truncated");
        byte[] v7 = TarCrafter.header("manifest.json", (byte) '0', 0644, 0, true);
        java.util.Arrays.fill(v7, 257, 265, (byte) 0);
        assertThat(codes(verify(ArchiveWriter.gzip(TarCrafter.of(Map.of()).raw(v7).tar())))).containsExactly(
                "archive.corrupt");
        BundleVerification v = verify(ArchiveWriter.gzip(new byte[0]));
        assertThat(v.status()).isEqualTo(VerificationStatus.ERROR);
    }

    @Test
    void shouldStopAGzipBombAtTheLimit() {
        byte[] zeros = new byte[8 << 20];
        byte[] bomb = TarCrafter.of(files).file("scan-reports/zeros.bin", zeros).tarGz();
        assertThat(bomb.length).isLessThan(200_000);
        BundleLimits small = new BundleLimits(100, 64L << 20, 1L << 20, 1L << 20);
        BundleVerification v = verify(bomb, small);
        assertThat(v.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(codes(v)).containsExactly("bundle.limit");
        assertThat(v.reasons().get(0).message()).contains("1048576 bytes in all");
    }

    @Test
    void shouldStopAtTheDeclaredSizeEntryCountAndMemoryLimits() {
        byte[] declared = ArchiveWriter.gzip(TarCrafter.of(files).raw(TarCrafter.header("scan-reports/huge.bin",
                (byte) '0', 0644, 077777777777L, true)).tar());
        BundleVerification huge = verify(declared);
        assertThat(codes(huge)).containsExactly("bundle.limit");
        assertThat(huge.reasons().get(0).message()).contains("bytes per file");
        BundleVerification many = verify(TarCrafter.of(files).tarGz(), new BundleLimits(3, 1L << 30, 1L << 30,
                1L << 20));
        assertThat(many.reasons().get(0).message()).contains("more than 3 entries");
        BundleVerification memory = verify(TarCrafter.of(files).tarGz(), new BundleLimits(100, 1L << 30, 1L << 30,
                1024));
        assertThat(codes(memory)).containsExactly("bundle.limit");
        assertThat(memory.reasons().get(0).message()).contains("larger than can be held to check it");
    }

    @Test
    void shouldRefuseLinksInADirectoryBundleWithoutFollowingThem() throws Exception {
        Path bundle = BundleFixtures.writeDirectory(BundleFixtures.sealed(), Files.createDirectories(dir.resolve("b")));
        Path outside = Files.writeString(dir.resolve("outside-secret.txt"), "not yours", StandardCharsets.UTF_8);
        Files.createSymbolicLink(bundle.resolve("scan-reports/link.json"), outside);
        Files.createSymbolicLink(bundle.resolve("linked-folder"), dir);
        Path report = bundle.resolve("scan-reports/bandit.json");
        Files.delete(report);
        Files.createSymbolicLink(report, outside);
        BundleVerification v = new BundleVerifier().verify(BundleSource.of(bundle),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(v.reasons()).filteredOn(p -> p.code().equals("bundle.not-regular"))
                .extracting(p -> p.location().file())
                .containsExactlyInAnyOrder("scan-reports/link.json", "linked-folder", "scan-reports/bandit.json");
        assertThat(v.reasons()).extracting(Problem::describe).noneMatch(d -> d.contains("outside-secret"));
    }
}
