package io.jenkins.plugins.securedeploy.engine.scan.trivy;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** Trivy's JSON report ({@code trivy image|fs|config --format json}, SchemaVersion 2). */
public final class TrivyDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return "trivy";
    }

    @Override
    public String displayName() {
        return "Trivy";
    }

    @Override
    public Category category() {
        return Category.CONTAINER;
    }

    @Override
    public int detect(String head) {
        String s = head.stripLeading();
        if (!s.startsWith("{") || !s.contains("\"SchemaVersion\"")) {
            return 0;
        }
        return s.contains("\"ArtifactName\"") || s.contains("\"Results\"") ? 95 : 50;
    }

    @Override
    public ReportParser createParser() {
        return new TrivyParser();
    }
}
