package io.jenkins.plugins.securedeploy.cli;

/** Exit codes of every command. Anything that is not a clean pass is non-zero (fail closed). */
public final class ExitCode {
    /** The command ran and everything it checked passed. */
    public static final int PASS = 0;
    /** The command ran and a gate or verification failed. */
    public static final int GATE_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Bad input, a crashed tool, I/O: the command could not decide, so it blocks. */
    public static final int ERROR = 3;

    private ExitCode() {}
}
