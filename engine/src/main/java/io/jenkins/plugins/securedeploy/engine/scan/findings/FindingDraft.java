package io.jenkins.plugins.securedeploy.engine.scan.findings;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding as {@link FindingsParser} read it, with the document's safe defaults (UNKNOWN severity, OTHER
 * category), built once its result's tool is known: a given fingerprint is kept verbatim, a missing one computed.
 */
final class FindingDraft {
    final Location at;
    String fingerprint;
    String tool;
    String ruleId;
    String title = "";
    Severity severity = Severity.UNKNOWN;
    Category category = Category.OTHER;
    double score = Double.NaN;
    final List<String> ids = new ArrayList<>();
    PackageRef pkg;
    Location location = Location.ofFile("");

    FindingDraft(Location at) {
        this.at = at;
    }

    Finding build(String resultTool) {
        String t = tool == null ? resultTool : tool;
        if (fingerprint != null) {
            return new Finding(t, ruleId, title, severity, score, category, ids, pkg, location, fingerprint);
        }
        FindingBuilder b = Finding.builder(t, ruleId).title(title).severity(severity).score(score)
                .category(category).pkg(pkg).location(location);
        ids.forEach(b::id);
        return b.build();
    }
}
