package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both digests on their own threads over one read give exactly the digests of the bytes in memory. */
class ParallelHashingTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 4 * 1024 * 1024 - 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 12345, 9 * 1024 * 1024 + 1})
    void shouldGiveTheDigestsOfTheContentWhateverItsSize(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(temp.resolve("f.bin"), content);

        DigestSet both = Hashing.file(file);
        DigestSet only512 = Hashing.file(file, Set.of(DigestAlgorithm.SHA512));

        assertThat(both).isEqualTo(Hashing.bytes(content));
        assertThat(only512.digests()).containsOnlyKeys(DigestAlgorithm.SHA512);
        assertThat(only512.get(DigestAlgorithm.SHA512)).isEqualTo(both.get(DigestAlgorithm.SHA512));
    }
}
