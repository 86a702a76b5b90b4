package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentBody;
import io.jenkins.plugins.securedeploy.engine.mask.MaskingOutputStream;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deploy command as the engine's {@link DeploymentBody}: run on the agent, in the workspace, through the build's
 * {@link Launcher} (so it runs where {@code sh} would), with the engine's credentials as environment variables, its
 * output masked with every value the broker issued. The command line itself is not printed.
 */
final class CommandBody implements DeploymentBody {
    private final Launcher launcher;
    private final FilePath workspace;
    private final String command;
    private final TaskListener listener;
    private final List<SecretValue> secrets;

    CommandBody(Launcher launcher, FilePath workspace, String command, TaskListener listener,
            List<SecretValue> secrets) {
        this.launcher = launcher;
        this.workspace = workspace;
        this.command = command;
        this.listener = listener;
        this.secrets = secrets;
    }

    @Override
    public int run(CredentialEnvironment credentials) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        credentials.applyTo(env);
        List<String> cmd = new ArrayList<>(launcher.isUnix() ? List.of("sh", "-c") : List.of("cmd.exe", "/C"));
        cmd.add(command);
        MaskingOutputStream out = SecretMasker.of(secrets).wrap(new KeepOpen(listener.getLogger()));
        try {
            return launcher.launch().cmds(cmd).envs(env).stdout(out).pwd(workspace).quiet(true).join();
        } finally {
            out.close(); // emits the held-back tail; the build log itself stays open
        }
    }

    /** The build log under the masking stream: closing the mask flushes it, never closes it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
