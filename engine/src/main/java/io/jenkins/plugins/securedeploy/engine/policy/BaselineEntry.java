package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.Objects;

/** The minimal data a baseline keeps about a finding: enough to say what was fixed. */
public record BaselineEntry(String fingerprint, String tool, String ruleId, Severity severity, String title) {
    public BaselineEntry {
        Objects.requireNonNull(fingerprint, "fingerprint");
        tool = tool == null ? "" : tool;
        ruleId = ruleId == null ? "" : ruleId;
        severity = severity == null ? Severity.UNKNOWN : severity;
        title = title == null ? "" : title;
    }

    public static BaselineEntry of(Finding f) {
        return new BaselineEntry(f.fingerprint(), f.tool(), f.ruleId(), f.severity(), f.title());
    }
}
