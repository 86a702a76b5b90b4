package io.jenkins.plugins.securedeploy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Jelly view of the plugin passes {@link JellyLint}. The plugin module is built only where the Jenkins
 * repository is reachable; this test reads its sources in place ({@code secureDeploy.pluginResources}, set by the
 * pom to {@code ../plugin/src/main/resources}) so the default offline build catches a broken view.
 */
class PluginViewsLintTest {
    @Test
    void shouldFindNoProblemInAnyPluginView() throws IOException {
        Path root = Path.of(System.getProperty("secureDeploy.pluginResources", "../plugin/src/main/resources"));
        assertThat(root).as("plugin resources").isDirectory();
        List<Path> views;
        try (Stream<Path> files = Files.walk(root)) {
            views = files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
        assertThat(views).as("the plugin's Jelly views (a lint over nothing proves nothing)").hasSizeGreaterThan(8);
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            try (InputStream in = Files.newInputStream(view)) {
                new JellyLint().lint(root.relativize(view).toString().replace('\\', '/'), in)
                        .forEach(p -> problems.add(p.describe()));
            }
        }
        assertThat(problems).as("problems in plugin/src/main/resources").isEmpty();
    }
}
