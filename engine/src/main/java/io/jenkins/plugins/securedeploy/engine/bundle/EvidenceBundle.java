package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationReport;
import io.jenkins.plugins.securedeploy.engine.json.CanonicalJson;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment's evidence, collected before it is sealed by {@link BundleWriter}: which deployment (id and
 * environment), the artifact (name, digests, size), when, every file ({@link BundleEntry}, sorted by path) and the
 * keyless identities the bundle's sigstore attestations may be signed by. Paths are unique, also ignoring case.
 */
public record EvidenceBundle(String deploymentId, String environment, ArtifactRef artifact, Instant createdAt,
        List<BundleEntry> entries, List<IdentityRule> identities) {
    static final int MAX_LABEL = 200;

    public EvidenceBundle {
        requireLabel("deployment id", deploymentId);
        requireLabel("environment", environment);
        Objects.requireNonNull(artifact, "artifact");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        List<BundleEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(BundleEntry::path));
        Map<String, String> folded = new HashMap<>();
        for (BundleEntry e : sorted) {
            String before = folded.putIfAbsent(BundlePaths.folded(e.path()), e.path());
            if (before != null) {
                throw new IllegalArgumentException("two bundle files named " + e.path() + " and " + before
                        + " (names must differ in more than case)");
            }
        }
        entries = List.copyOf(sorted);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    static void requireLabel(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_LABEL || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + what + " must be 1-" + MAX_LABEL
                    + " characters without control characters");
        }
    }

    public static Builder builder(String deploymentId, String environment, ArtifactRef artifact, Instant createdAt) {
        return new Builder(deploymentId, environment, artifact, createdAt);
    }

    /** Collects the files by role; names are relative to the role's folder ({@link BundleRole#folder()}). */
    public static final class Builder {
        private final String deploymentId;
        private final String environment;
        private final ArtifactRef artifact;
        private final Instant createdAt;
        private final List<BundleEntry> entries = new ArrayList<>();
        private final List<IdentityRule> identities = new ArrayList<>();
        private final Map<TrustKind, Integer> trustCount = new EnumMap<>(TrustKind.class);

        Builder(String deploymentId, String environment, ArtifactRef artifact, Instant createdAt) {
            this.deploymentId = deploymentId;
            this.environment = environment;
            this.artifact = artifact;
            this.createdAt = createdAt;
        }

        /** Any file, with its role and media type, at {@code role.folder()/name}. */
        public Builder add(BundleRole role, String name, String mediaType, byte[] content) {
            if (role == BundleRole.TRUST) {
                throw new IllegalArgumentException("trust material is added with trust(...), which records its kind");
            }
            entries.add(BundleEntry.of(BundlePaths.join(role.folder(), name), role, mediaType, content));
            return this;
        }

        /** One file of the gate report folder ({@code index.html}, {@code gate-report.json}, assets). */
        public Builder gateReport(String name, byte[] content) {
            return add(BundleRole.GATE_REPORT, name, MediaTypes.byName(name), content);
        }

        /** The whole gate report folder, name → content. */
        public Builder gateReport(Map<String, byte[]> files) {
            files.forEach(this::gateReport);
            return this;
        }

        /** An SBOM; CycloneDX JSON/XML or SPDX JSON/tag-value is recognised from the content. */
        public Builder sbom(String name, byte[] content) {
            return add(BundleRole.SBOM, name, MediaTypes.ofSbom(content), content);
        }

        /** A signed attestation: a DSSE envelope or a sigstore bundle (recognised from the content). */
        public Builder attestation(String name, byte[] content) {
            return add(BundleRole.ATTESTATION, name, MediaTypes.ofAttestation(content), content);
        }

        /** A scan report (already masked by the host, and masked again by the writer); type from the extension. */
        public Builder scanReport(String name, byte[] content) {
            return add(BundleRole.SCAN_REPORT, name, MediaTypes.byName(name), content);
        }

        /** The audit log excerpt of this deployment (e.g. {@link MediaTypes#JSON_LINES}). */
        public Builder audit(String name, String mediaType, byte[] content) {
            return add(BundleRole.AUDIT, name, mediaType, content);
        }

        /** The approval: a signed statement ({@link MediaTypes#DSSE}, verified) or another record (kept as is). */
        public Builder approval(String name, String mediaType, byte[] content) {
            return add(BundleRole.APPROVAL, name, mediaType, content);
        }

        /** The audit excerpt, typed by its name ({@code .jsonl}: JSON Lines). */
        public Builder audit(String name, byte[] content) {
            return audit(name, MediaTypes.byName(name), content);
        }

        /** The approval, typed from its content (a DSSE envelope or sigstore bundle is verified) or its name. */
        public Builder approval(String name, byte[] content) {
            return approval(name, MediaTypes.ofApproval(name, content), content);
        }

        /** Revocation records as a JSON file (e.g. the one {@code secure-deploy creds exec --revocations} writes). */
        public Builder revocations(String name, byte[] content) {
            return add(BundleRole.REVOCATIONS, name, MediaTypes.JSON, content);
        }

        /** The session's revocation records, as {@code revocations/revocations.json} (canonical JSON list). */
        public Builder revocations(RevocationReport report) {
            return revocations("revocations.json", CanonicalJson.encode(report.toMaps()));
        }

        /** Every item of {@code trust}: public keys, PGP keyrings, X.509 roots, a sigstore trusted root. */
        public Builder trust(TrustMaterial trust) {
            trust.publicKeys().forEach(f -> trust(TrustKind.PUBLIC_KEY, f));
            trust.keyrings().forEach(f -> trust(TrustKind.PGP_KEYRING, f));
            trust.roots().forEach(f -> trust(TrustKind.X509_ROOT, f));
            trust.sigstoreTrustedRoot().ifPresent(f -> trust(TrustKind.SIGSTORE_TRUSTED_ROOT, f));
            return this;
        }

        /** One trust file, named {@code trust/<kind>-<n>.<ext>} (its source name may be a host path). */
        public Builder trust(TrustKind kind, EvidenceFile file) {
            int n = trustCount.merge(kind, 1, Integer::sum);
            byte[] content = file.content();
            String name;
            String type;
            switch (kind) {
                case PUBLIC_KEY, X509_ROOT -> {
                    name = kind.id() + "-" + n + ".pem";
                    type = MediaTypes.PEM;
                }
                case PGP_KEYRING -> {
                    boolean armored = new String(content, 0, Math.min(64, content.length), StandardCharsets.US_ASCII)
                            .stripLeading().startsWith("-----BEGIN PGP");
                    name = kind.id() + "-" + n + (armored ? ".asc" : ".gpg");
                    type = MediaTypes.PGP_KEYS;
                }
                default -> {
                    name = kind.id() + (n == 1 ? "" : "-" + n) + ".json";
                    type = MediaTypes.SIGSTORE_TRUSTED_ROOT;
                }
            }
            return trustFile(kind, name, type, content);
        }

        Builder trustFile(TrustKind kind, String name, String mediaType, byte[] content) {
            entries.add(new BundleEntry(BundlePaths.join(BundleRole.TRUST.folder(), name), BundleRole.TRUST,
                    mediaType, Optional.of(kind), content));
            return this;
        }

        /** A keyless identity the bundle's sigstore attestations may be signed by (recorded in the manifest). */
        public Builder trustedIdentity(IdentityRule identity) {
            identities.add(Objects.requireNonNull(identity, "identity"));
            return this;
        }

        public EvidenceBundle build() {
            return new EvidenceBundle(deploymentId, environment, artifact, createdAt, entries, identities);
        }
    }
}
