package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FalsePositiveCorpusTest {
    @Test
    void shouldFindNothingInOrdinarySourceFiles() throws URISyntaxException {
        Path corpus = Path.of(FalsePositiveCorpusTest.class.getResource("corpus").toURI());

        EngineLog log = new EngineLog("");
        ScanResult result = new SecretScanner().scan(new FileSystemWorkspace(corpus), SecretScanOptions.defaults(),
                log);

        assertThat(result.isError()).isFalse();
        assertThat(result.problems()).isEmpty();
        assertThat(result.findings()).isEmpty();
        assertThat(log.lines().get(0).text()).startsWith("scanned 8 files");
    }
}
