package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Fixture access for the sbom tests. */
final class SbomFixtures {
    static final UUID SERIAL = UUID.fromString("3e671687-395b-41f5-a30f-a58921a69b79");

    private SbomFixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = SbomFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static InMemoryWorkspace workspace(String... lockfiles) {
        InMemoryWorkspace ws = new InMemoryWorkspace();
        for (String f : lockfiles) {
            ws.with(f, text("lockfiles/" + f));
        }
        return ws;
    }

    static SbomGenerator generator() {
        return new SbomGenerator(TestClocks.fixed(), () -> SERIAL);
    }
}
