package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import java.util.Map;
import picocli.CommandLine.Option;

/** The build facts that go into a token; each defaults to the usual CI variable (Jenkins names, then generic). */
public final class BuildOptions {
    @Option(names = "--job", paramLabel = "NAME", description = "Job full name (default: $JOB_NAME, else 'local').")
    String job;

    @Option(names = "--build", paramLabel = "N", description = "Build number (default: $BUILD_NUMBER).")
    String build;

    @Option(names = "--branch", paramLabel = "NAME", description = "Branch (default: $BRANCH_NAME, $GIT_BRANCH).")
    String branch;

    @Option(names = "--commit", paramLabel = "SHA", description = "Commit (default: $GIT_COMMIT).")
    String commit;

    @Option(names = "--trigger", paramLabel = "CAUSE", description = "Trigger cause (push, timer, user:alice...).")
    String trigger;

    @Option(names = "--environment", paramLabel = "NAME", description = "Deployment environment (production...).")
    String environment;

    @Option(names = "--run-url", paramLabel = "URL", description = "The build's URL (default: $BUILD_URL).")
    String runUrl;

    BuildClaims claims(Map<String, String> env) {
        return new BuildClaims(first(job, env.get("JOB_NAME"), "local"), first(build, env.get("BUILD_NUMBER"), ""),
                first(branch, env.get("BRANCH_NAME"), env.get("GIT_BRANCH")), first(commit, env.get("GIT_COMMIT"), ""),
                first(trigger, "", ""), first(environment, "", ""), first(runUrl, env.get("BUILD_URL"), ""));
    }

    private static String first(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c == null ? "" : c;
    }
}
