package io.jenkins.plugins.securedeploy.jenkins.host;

import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.IOException;
import java.io.Serializable;

/**
 * File work that runs on the agent that holds the workspace: hashing, parsing reports, writing evidence. It receives
 * the engine's {@link Workspace} over the agent-side folder and returns a compact {@link Serializable} result (a
 * digest, a parsed summary), never file contents in bulk.
 *
 * <p>Implement it as a named static class with serializable fields, not a lambda: the task is sent over the
 * remoting channel, and Jenkins' class filter and class loading are built for named classes.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface AgentTask<T extends Serializable> extends Serializable {
    T run(Workspace workspace) throws IOException, InterruptedException;
}
