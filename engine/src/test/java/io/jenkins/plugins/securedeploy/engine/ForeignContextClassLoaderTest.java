package io.jenkins.plugins.securedeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Inside Jenkins the engine and its libraries live in the plugin's class loader, while a Pipeline step runs on a
 * thread whose context class loader is core's, which cannot see them. Every schema, resource and service lookup of
 * the engine must therefore name its own class loader; one that asks the thread's context class loader fails there
 * ({@code SchemaException: Failed to load json schema ... classpath:bom-1.6.schema.json}, issue 11 C) or silently
 * picks another implementation.
 *
 * <p>The test loads the engine afresh, twice, in isolated class loaders (parent: the platform loader, so no class is
 * shared with this test or with the other run, and no static schema cache is already warm) and runs
 * {@link ClassLoaderProbe} in each: once with the thread context class loader set to that plugin loader (the
 * control), once with a bare loader with no parent and no URLs (what core looks like to the engine). The two runs
 * must give the same, successful answers.
 */
class ForeignContextClassLoaderTest {
    @Test
    void shouldLookEverythingUpThroughTheEngineLoaderWhateverTheThreadContextLoader() throws Exception {
        // two separate plugin loaders: the engine keeps schemas in static caches, so a run must not inherit the
        // other's warm cache
        try (URLClassLoader plugin = new URLClassLoader("plugin", classPath(), ClassLoader.getPlatformClassLoader());
                URLClassLoader isolated = new URLClassLoader("plugin", classPath(), ClassLoader.getPlatformClassLoader());
                URLClassLoader core = new URLClassLoader("jenkins-core", new URL[0], null)) {
            List<String> control = probe(plugin, plugin);
            List<String> foreign = probe(isolated, core);

            assertThat(control).as("the probe itself works with the plugin loader as context loader")
                    .noneMatch(line -> line.contains(": FAILED"));
            assertThat(foreign).as("every lookup under a context loader that cannot see the engine")
                    .noneMatch(line -> line.contains(": FAILED"))
                    .containsExactlyElementsOf(control);
        }
    }

    @Test
    void shouldNotLeaveTheProbeClassesVisibleToTheBareLoader() throws Exception {
        try (URLClassLoader core = new URLClassLoader("jenkins-core", new URL[0], null)) {
            assertThat(core.getResource("bom-1.6.schema.json")).as("the foreign loader must not see the schemas")
                    .isNull();
            assertThat(core.getResource("io/jenkins/plugins/securedeploy/engine/policy/policy.schema.json")).isNull();
        }
    }

    /** Runs the probe, loaded through {@code engineLoader}, on a new thread with {@code context} as its TCCL. */
    @SuppressWarnings("unchecked")
    private static List<String> probe(ClassLoader engineLoader, ClassLoader context) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Class<?> probe = Class.forName(ClassLoaderProbe.class.getName(), true, engineLoader);
                assertThat(probe.getClassLoader()).isSameAs(engineLoader);
                result.set(probe.getMethod("run").invoke(null));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "probe-" + context.getName());
        t.setContextClassLoader(context);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError("probe did not run", failure.get());
        }
        return (List<String>) result.get();
    }

    /** The test class path (surefire hands it over in a property when it uses a manifest-only booter jar). */
    private static URL[] classPath() throws MalformedURLException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String[] entries = cp.split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = Path.of(entries[i]).toUri().toURL();
        }
        return urls;
    }
}
