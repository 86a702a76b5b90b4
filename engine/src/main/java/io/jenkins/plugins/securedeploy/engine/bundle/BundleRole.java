package io.jenkins.plugins.securedeploy.engine.bundle;

import java.util.Optional;

/** What a file in a bundle is, as the manifest records it; each role has its own folder. */
public enum BundleRole {
    GATE_REPORT("gate-report", "gate-report"),
    SBOM("sbom", "sbom"),
    ATTESTATION("attestation", "attestations"),
    SCAN_REPORT("scan-report", "scan-reports"),
    AUDIT("audit", "audit"),
    APPROVAL("approval", "approval"),
    REVOCATIONS("revocations", "revocations"),
    TRUST("trust", "trust");

    private final String id;
    private final String folder;

    BundleRole(String id, String folder) {
        this.id = id;
        this.folder = folder;
    }

    /** The manifest's spelling: {@code gate-report}, {@code sbom}, ... */
    public String id() {
        return id;
    }

    /** The folder the writer puts files of this role in. */
    public String folder() {
        return folder;
    }

    public static Optional<BundleRole> parse(String id) {
        for (BundleRole r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
