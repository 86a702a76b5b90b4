package io.jenkins.plugins.securedeploy.engine.host;

/**
 * Where a host prints lines for people (Jenkins build log, terminal). Implementations pass every line through the
 * build's secret masker before it reaches any output.
 */
public interface Console {
    void info(String line);

    void error(String line);
}
