package io.jenkins.plugins.securedeploy.engine.sbom;

import java.util.Objects;

/** A generated CycloneDX JSON document and its summary (whose SHA-256 is of exactly these bytes). */
public record GeneratedSbom(byte[] json, SbomSummary summary) {
    public GeneratedSbom {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(summary, "summary");
        json = json.clone();
    }

    @Override
    public byte[] json() {
        return json.clone();
    }
}
