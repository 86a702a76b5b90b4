package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example block of docs/signing.md line by line with the built jar; each line's exit code is checked. */
class SigningDocsITest {
    @TempDir
    Path dir;

    @Test
    void shouldRunEveryDocumentedExample() throws Exception {
        Path doc = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "signing.md");
        if (!Files.exists(doc)) {
            doc = Path.of("..", "docs", "signing.md");
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- signing-example -->\\s*```sh\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(block.find()).as("example block in signing.md").isTrue();
        List<String> lines = block.group(1).lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("secureDeploy.jar");
        for (String line : lines) {
            int expected = 0;
            Matcher exit = Pattern.compile("#\\s*exit (\\d+)\\s*$").matcher(line);
            if (exit.find()) {
                expected = Integer.parseInt(exit.group(1));
            }
            String script = "secure-deploy() { '" + java + "' -jar '" + jar + "' \"$@\"; }\n" + line + "\n";
            Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(line + "\n" + out).isEqualTo(expected);
        }
    }
}
