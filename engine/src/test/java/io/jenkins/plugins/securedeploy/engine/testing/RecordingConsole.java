package io.jenkins.plugins.securedeploy.engine.testing;

import io.jenkins.plugins.securedeploy.engine.host.Console;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Console} that keeps every line, prefixed {@code INFO } or {@code ERROR }. */
public final class RecordingConsole implements Console {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
        lines.add("INFO " + line);
    }

    @Override
    public void error(String line) {
        lines.add("ERROR " + line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
