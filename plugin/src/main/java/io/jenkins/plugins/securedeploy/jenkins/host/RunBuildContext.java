package io.jenkins.plugins.securedeploy.jenkins.host;

import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.time.Instant;

/** Builds the engine's {@link BuildContext} from a Jenkins run. Free of secrets. */
public final class RunBuildContext {
    /** Builder id when Jenkins has no root URL configured. */
    public static final String UNKNOWN_BUILDER = "jenkins";

    private RunBuildContext() {}

    /** Job full name, {@code job#number}, absolute run URL, commit from {@code GIT_COMMIT}, and start time. */
    public static BuildContext of(Run<?, ?> run, EnvVars env, JenkinsFacade jenkins) {
        String commit = env == null ? null : env.get("GIT_COMMIT");
        return of(run, commit, jenkins);
    }

    public static BuildContext of(Run<?, ?> run, String commit, JenkinsFacade jenkins) {
        String rootUrl = jenkins.getRootUrl().orElse("");
        String runUrl = rootUrl + run.getUrl();
        return new BuildContext(run.getParent().getFullName(), run.getExternalizableId(), runUrl, commit,
                rootUrl.isEmpty() ? UNKNOWN_BUILDER : rootUrl, Instant.ofEpochMilli(run.getTimeInMillis()));
    }
}
