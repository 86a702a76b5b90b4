package io.jenkins.plugins.securedeploy.engine.scan;

import java.util.Objects;

/**
 * What a parser knows once the whole report is read: the tool that wrote it (the format id when a report mixes
 * several tools) and that tool's version ("" when the report does not say). Tool facts often come after the
 * findings in a report, so they are delivered here rather than before the first finding.
 */
public record ReportEnd(String tool, String toolVersion) {
    public ReportEnd {
        Objects.requireNonNull(tool, "tool");
        if (tool.isBlank()) {
            throw new IllegalArgumentException("a report end needs the tool name");
        }
        toolVersion = toolVersion == null ? "" : toolVersion;
    }
}
