package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files reach the workers in batches ({@link ScanWorkers#BATCH_FILES} files or {@link ScanWorkers#BATCH_BYTES}
 * bytes), across folder boundaries: folders of one file short of a batch, a batch, one past it, several batches and
 * empty ones, with secrets in their first and last files and a file that closes a batch by its size alone, give the
 * same findings and problems in the same order as the sequential scanner, whatever the number of threads.
 */
class ScanBatchesTest {
    @TempDir
    static Path tree;

    private static ScanResult expected;

    @BeforeAll
    static void generate() throws IOException {
        List<String> examples = new ArrayList<>(SecretExamples.byRule().values());
        int[] sizes = {0, 1, ScanWorkers.BATCH_FILES - 1, ScanWorkers.BATCH_FILES, ScanWorkers.BATCH_FILES + 1, 2,
            3 * ScanWorkers.BATCH_FILES + 5};
        int n = 0;
        for (int folder = 0; folder < sizes.length; folder++) {
            Files.createDirectories(tree.resolve("d" + folder + "/sub"));
            for (int f = 0; f < sizes[folder]; f++, n++) {
                boolean edge = f == 0 || f == sizes[folder] - 1 || f % 7 == 3;
                String text = "line of code " + n + "\n" + (edge ? examples.get(n % examples.size()) + "\n" : "");
                Path dir = f % 5 == 4 ? tree.resolve("d" + folder + "/sub") : tree.resolve("d" + folder);
                Files.writeString(dir.resolve(String.format(java.util.Locale.ROOT, "f%03d.txt", f)), text,
                        StandardCharsets.UTF_8);
            }
        }
        // closes a batch by its size: the files after it go to the next batch
        Files.writeString(tree.resolve("d2/big.log"), ("token=" + SecretExamples.rnd(40, 3) + "\n")
                .repeat((int) (ScanWorkers.BATCH_BYTES / 47) + 1), StandardCharsets.UTF_8);
        Files.write(tree.resolve("d3/blob.bin"), new byte[] {'a', 0, 'b'});
        expected = new SequentialSecretScanner().scan(new FileSystemWorkspace(tree), options());
        assertThat(expected.findings()).hasSizeGreaterThan(60);
    }

    private static SecretScanOptions options() {
        return SecretScanOptions.defaults().withMaxFileSize(4L << 20);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 4})
    void shouldFindTheSameInTheSameOrderWhateverTheBatches(int threads) {
        for (int round = 0; round < 3; round++) {
            ScanResult actual = new SecretScanner().scan(new FileSystemWorkspace(tree), options().withThreads(threads));

            assertThat(actual.status()).isEqualTo(expected.status());
            assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
            assertThat(actual.problems()).containsExactlyElementsOf(expected.problems());
        }
    }
}
