package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
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
            throw new EnvironmentException("cannot start " + command.get(0) + ": " + why(e), e);
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

    /** Why a process did not start, in plain words (the JDK says "error=2, No such file or directory"). */
    static String why(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("error=2,")) {
            return "no such command (not found on PATH, or the file does not exist)";
        }
        if (m.contains("error=13,")) {
            return "permission denied (not executable)";
        }
        if (m.contains("error=20,")) {
            return "a part of the path is a file, not a directory";
        }
        return "it could not be run (" + IoReason.of(e) + ")";
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
