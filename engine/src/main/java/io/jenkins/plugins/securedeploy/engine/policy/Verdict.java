package io.jenkins.plugins.securedeploy.engine.policy;

/** The gate's outcome. ERROR (the gate could not decide: a scanner failed, a report is missing) blocks like FAILED. */
public enum Verdict {
    PASSED,
    FAILED,
    ERROR;

    public boolean blocks() {
        return this != PASSED;
    }
}
