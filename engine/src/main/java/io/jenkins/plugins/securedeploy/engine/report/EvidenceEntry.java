package io.jenkins.plugins.securedeploy.engine.report;

import java.util.Objects;

/**
 * One piece of evidence shown in the gate report, generic so that SBOM, signature, provenance and approval
 * capabilities can all add theirs: kind ({@code sbom}, {@code signature}, ...), name, digest ({@code sha256:…} or
 * empty) and status ({@code present}, {@code verified}, {@code missing}, {@code failed}, ...).
 */
public record EvidenceEntry(String kind, String name, String digest, String status) {
    public EvidenceEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        digest = digest == null ? "" : digest;
        Objects.requireNonNull(status, "status");
    }
}
