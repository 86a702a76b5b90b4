package io.jenkins.plugins.securedeploy.engine.scan;

/**
 * One supported tool: its id (as used in Jenkinsfiles and the CLI: {@code trivy}, {@code sarif}), display name,
 * default category, how to recognise its report from the first bytes, and its parser.
 */
public interface ScannerDescriptor {
    String id();

    String displayName();

    Category category();

    /**
     * Confidence (0 = not this format, 100 = certain) that a report starting with {@code head} (the first few KiB,
     * decoded as UTF-8, possibly cut mid-token) is this tool's format.
     */
    int detect(String head);

    /**
     * Confidence given the report's file name too ({@code fileName} is the last path segment, lower case; "" when
     * unknown). Only content that several tools write alike (a clean {@code []}) should depend on it; the default
     * ignores the name.
     */
    default int detect(String head, String fileName) {
        return detect(head);
    }

    ReportParser createParser();
}
