package io.jenkins.plugins.securedeploy.jenkins.host;

import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.host.Console;
import java.util.Objects;

/**
 * The engine's {@link Console} on a build log. Masking happens on the log stream itself (the masking console log
 * filter the deploy step installs, as credentials-binding does), so every line printed here is masked too.
 */
public final class ListenerConsole implements Console {
    /** Prefix that marks Secure Deploy's lines in the build log. */
    public static final String PREFIX = "[secure-deploy] ";

    private final TaskListener listener;

    public ListenerConsole(TaskListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void info(String line) {
        listener.getLogger().println(PREFIX + line);
    }

    /** Printed through {@link TaskListener#error(String)}, which marks the line as an error. */
    @Override
    public void error(String line) {
        listener.error(PREFIX + line);
    }
}
