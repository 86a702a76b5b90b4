package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.json.CanonicalJson;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code manifest.json} says (format {@value #FORMAT}, version {@value #VERSION}): the deployment, the artifact,
 * when, and every file with its role, media type, size and SHA-256. Its signed form is {@link #toCanonicalJson()}
 * (RFC 8785), the payload of {@code manifest.dsse.json}.
 */
public record BundleManifest(String deploymentId, String environment, ArtifactRef artifact, Instant createdAt,
        List<File> files, List<IdentityRule> identities) {
    public static final String FORMAT = "secure-deploy-evidence-bundle";
    public static final int VERSION = 1;

    public BundleManifest {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(artifact, "artifact");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        files = List.copyOf(files);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** One file: path, role, media type, size in bytes, SHA-256, and the trust kind of a trust file. */
    public record File(String path, BundleRole role, String mediaType, long size, Digest sha256,
            Optional<TrustKind> trust) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(sha256, "sha256");
            trust = trust == null ? Optional.empty() : trust;
            if (size < 0) {
                throw new IllegalArgumentException("size must be >= 0");
            }
        }
    }

    public Optional<File> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public List<File> filesOf(BundleRole role) {
        return files.stream().filter(f -> f.role() == role).toList();
    }

    /** The manifest as plain JSON values. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("formatVersion", VERSION);
        out.put("deploymentId", deploymentId);
        out.put("environment", environment);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", artifact.name());
        Map<String, String> digest = new TreeMap<>();
        artifact.digests().digests().forEach((alg, d) -> digest.put(alg.id(), d.hex()));
        a.put("digest", digest);
        a.put("size", artifact.size());
        out.put("artifact", a);
        out.put("createdAt", createdAt.toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (File f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("role", f.role().id());
            m.put("mediaType", f.mediaType());
            m.put("size", f.size());
            m.put("sha256", f.sha256().hex());
            f.trust().ifPresent(k -> m.put("trust", k.id()));
            list.add(m);
        }
        out.put("files", list);
        if (!identities.isEmpty()) {
            List<Map<String, Object>> ids = new ArrayList<>();
            for (IdentityRule r : identities) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("subject", r.subject());
                m.put("subjectIsRegex", r.subjectIsRegex());
                m.put("issuer", r.issuer());
                ids.add(m);
            }
            out.put("identities", ids);
        }
        return out;
    }

    /** The signed bytes: RFC 8785 canonical JSON. */
    public byte[] toCanonicalJson() {
        return CanonicalJson.encode(toJson());
    }

    /** {@code deployment d-42 to prod of app.tar.gz (sha256:...)}. */
    public String describe() {
        return "deployment " + deploymentId + " to " + environment + " of " + artifact.name() + " ("
                + artifact.digests().digests().values().iterator().next() + ")";
    }
}
