package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the body of {@code creds exec}: the command with the credentials in its environment, output masked. */
final class ChildProcess {
    private final List<String> command;
    private final SecretMasker masker;

    ChildProcess(List<String> command, SecretMasker masker) {
        this.command = List.copyOf(command);
        this.masker = masker;
    }

    int run(CredentialEnvironment env, PrintWriter out, PrintWriter err) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
        env.applyTo(pb.environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread o = pump(p.getInputStream(), out);
        Thread e = pump(p.getErrorStream(), err);
        try {
            int code = p.waitFor();
            o.join();
            e.join();
            return code;
        } catch (InterruptedException ie) {
            p.destroyForcibly();
            throw ie;
        }
    }

    private Thread pump(InputStream from, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (Reader in = new InputStreamReader(from, StandardCharsets.UTF_8);
                    Writer masked = masker.wrap(new NonClosing(to))) {
                char[] buf = new char[8192];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    masked.write(buf, 0, n);
                    masked.flush();
                }
            } catch (IOException ignored) {
                // the process ended; nothing more to copy
            }
        }, "creds-exec-output");
        t.start();
        return t;
    }

    /** Keeps the command's writer open when the masking writer closes. */
    private static final class NonClosing extends Writer {
        private final PrintWriter to;

        NonClosing(PrintWriter to) {
            this.to = to;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            to.write(cbuf, off, len);
        }

        @Override
        public void flush() {
            to.flush();
        }

        @Override
        public void close() {
            to.flush();
        }
    }
}
