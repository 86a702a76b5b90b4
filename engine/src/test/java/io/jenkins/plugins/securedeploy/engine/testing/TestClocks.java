package io.jenkins.plugins.securedeploy.engine.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fixed clocks for tests. */
public final class TestClocks {
    /** 2026-01-15T10:00:00Z. */
    public static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private TestClocks() {}

    public static Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    public static Clock fixed(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
