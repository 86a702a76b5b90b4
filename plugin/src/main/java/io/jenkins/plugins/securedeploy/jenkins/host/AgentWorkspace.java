package io.jenkins.plugins.securedeploy.jenkins.host;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs {@link AgentTask}s where the workspace is: {@link FilePath#act} sends the task to the agent (or runs it in
 * place for a controller-local path), where it gets an engine {@link FileSystemWorkspace} over the folder, with the
 * engine's path rules (no {@code ..}, no absolute paths, no symlinks leading outside).
 */
public final class AgentWorkspace {
    private final FilePath root;

    public AgentWorkspace(FilePath root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Runs the task on the agent and returns its result. */
    public <T extends Serializable> T act(AgentTask<T> task) throws IOException, InterruptedException {
        return root.act(new TaskCallable<>(Objects.requireNonNull(task, "task")));
    }

    /** The remote path, for messages. */
    public String describe() {
        return root.getRemote();
    }

    /** The callable that crosses the channel; agent-side only (role check: controller to agent). */
    private static final class TaskCallable<T extends Serializable> extends MasterToSlaveFileCallable<T> {
        private static final long serialVersionUID = 1L;

        private final AgentTask<T> task;

        TaskCallable(AgentTask<T> task) {
            this.task = task;
        }

        @Override
        public T invoke(File folder, VirtualChannel channel) throws IOException, InterruptedException {
            return task.run(new FileSystemWorkspace(folder.toPath()));
        }
    }
}
