package io.jenkins.plugins.securedeploy.engine.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code manifest.json} strictly: malformed JSON, duplicate keys, unknown or missing fields, a format or
 * version other than {@value BundleManifest#FORMAT} v{@value BundleManifest#VERSION}, unsafe or duplicate paths
 * (also ignoring case), unknown roles and malformed digests are all located problems; values are never quoted.
 */
public final class ManifestReader {
    private static final Set<String> TOP = Set.of("format", "formatVersion", "deploymentId", "environment", "artifact",
            "createdAt", "files", "identities");
    private static final Set<String> ARTIFACT = Set.of("name", "digest", "size");
    private static final Set<String> FILE = Set.of("path", "role", "mediaType", "size", "sha256", "trust");
    private static final Set<String> IDENTITY = Set.of("subject", "subjectIsRegex", "issuer");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public BundleManifest read(byte[] content, String displayName) {
        LocatedTree tree = LocatedTree.read(content, displayName, false);
        JsonNode root = tree.root();
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidInputException(tree.problem("manifest.not-object", "a bundle manifest is a JSON object",
                    ""));
        }
        unknown(tree, root, "", TOP, problems);
        if (!BundleManifest.FORMAT.equals(root.path("format").asText(null))) {
            problems.add(tree.problem("manifest.format", "field /format is not " + BundleManifest.FORMAT, "/format"));
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() != BundleManifest.VERSION) {
            problems.add(tree.problem("manifest.version", "field /formatVersion is not " + BundleManifest.VERSION
                    + " (this verifier reads format version " + BundleManifest.VERSION + " only)", "/formatVersion"));
        }
        String deploymentId = text(tree, root, "/deploymentId", problems);
        String environment = text(tree, root, "/environment", problems);
        ArtifactRef artifact = artifact(tree, root.get("artifact"), problems);
        Instant createdAt = null;
        String created = text(tree, root, "/createdAt", problems);
        if (created != null) {
            try {
                createdAt = Instant.parse(created);
            } catch (DateTimeParseException e) {
                problems.add(tree.problem("manifest.time", "field /createdAt is not an RFC 3339 UTC time",
                        "/createdAt"));
            }
        }
        List<BundleManifest.File> files = files(tree, root.get("files"), problems);
        List<IdentityRule> identities = identities(tree, root.get("identities"), problems);
        LocatedTree.failIfAny(problems);
        return new BundleManifest(deploymentId, environment, artifact, createdAt, files, identities);
    }

    private static ArtifactRef artifact(LocatedTree tree, JsonNode node, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(tree.problem("manifest.artifact", "field /artifact must be an object", "/artifact"));
            return null;
        }
        unknown(tree, node, "/artifact", ARTIFACT, problems);
        String name = text(tree, node, "/artifact/name", problems);
        long size = size(tree, node, "/artifact/size", problems);
        JsonNode digest = node.get("digest");
        EnumMap<DigestAlgorithm, Digest> digests = new EnumMap<>(DigestAlgorithm.class);
        if (digest == null || !digest.isObject()) {
            problems.add(tree.problem("manifest.artifact", "field /artifact/digest must be an object",
                    "/artifact/digest"));
        } else {
            int before = problems.size();
            Iterator<String> names = digest.fieldNames();
            while (names.hasNext()) {
                String alg = names.next();
                String at = "/artifact/digest/" + BundlePaths.printable(alg);
                Optional<DigestAlgorithm> a = DigestAlgorithm.parse(alg).filter(x -> x.id().equals(alg));
                JsonNode v = digest.get(alg);
                if (a.isEmpty()) {
                    problems.add(tree.problem("manifest.digest", "digest algorithm at " + at + " is not sha256 or "
                            + "sha512", at));
                } else if (!v.isTextual() || !v.textValue().matches("[0-9a-f]{" + a.get().hexLength() + "}")) {
                    problems.add(tree.problem("manifest.digest", "field " + at + " is not " + a.get().hexLength()
                            + " lower-case hex characters", at));
                } else {
                    digests.put(a.get(), new Digest(a.get(), v.textValue()));
                }
            }
            if (digests.isEmpty() && problems.size() == before) {
                problems.add(tree.problem("manifest.digest", "field /artifact/digest has no digest",
                        "/artifact/digest"));
            }
        }
        if (name == null || name.isBlank() || size < 0 || digests.isEmpty()) {
            return null;
        }
        return new ArtifactRef(name, new DigestSet(digests), size);
    }

    private static List<BundleManifest.File> files(LocatedTree tree, JsonNode node, List<Problem> problems) {
        List<BundleManifest.File> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problems.add(tree.problem("manifest.files", "field /files must be an array", "/files"));
            return out;
        }
        Set<String> folded = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/files/" + i;
            JsonNode f = node.get(i);
            if (!f.isObject()) {
                problems.add(tree.problem("manifest.files", "field " + at + " must be an object", at));
                continue;
            }
            int before = problems.size();
            unknown(tree, f, at, FILE, problems);
            String path = text(tree, f, at + "/path", problems);
            if (path != null) {
                Optional<String> bad = BundlePaths.problem(path);
                if (bad.isPresent() || BundlePaths.reserved(path)) {
                    problems.add(tree.problem("manifest.path", "field " + at + "/path " + bad.orElse("names the "
                            + "manifest itself"), at + "/path"));
                } else if (!folded.add(BundlePaths.folded(path))) {
                    problems.add(tree.problem("manifest.duplicate", "field " + at + "/path names a file listed "
                            + "before (names must differ in more than case)", at + "/path"));
                }
            }
            String roleText = text(tree, f, at + "/role", problems);
            Optional<BundleRole> role = roleText == null ? Optional.empty() : BundleRole.parse(roleText);
            if (roleText != null && role.isEmpty()) {
                problems.add(tree.problem("manifest.role", "field " + at + "/role is not a known role",
                        at + "/role"));
            }
            String mediaType = text(tree, f, at + "/mediaType", problems);
            if (mediaType != null && !MediaTypes.isValid(mediaType)) {
                problems.add(tree.problem("manifest.media-type", "field " + at + "/mediaType is not a media type",
                        at + "/mediaType"));
            }
            long size = size(tree, f, at + "/size", problems);
            String sha = text(tree, f, at + "/sha256", problems);
            if (sha != null && !HEX64.matcher(sha).matches()) {
                problems.add(tree.problem("manifest.digest", "field " + at + "/sha256 is not 64 lower-case hex "
                        + "characters", at + "/sha256"));
            }
            Optional<TrustKind> trust = Optional.empty();
            if (f.has("trust")) {
                String kind = text(tree, f, at + "/trust", problems);
                trust = kind == null ? Optional.empty() : TrustKind.parse(kind);
                if (kind != null && trust.isEmpty()) {
                    problems.add(tree.problem("manifest.trust", "field " + at + "/trust is not a known kind of trust "
                            + "material", at + "/trust"));
                }
            }
            if (role.isPresent() && (role.get() == BundleRole.TRUST) != f.has("trust")) {
                problems.add(tree.problem("manifest.trust", "field " + at + "/trust is required for role trust and "
                        + "only there", at + "/trust"));
            }
            if (problems.size() == before) {
                out.add(new BundleManifest.File(path, role.orElseThrow(), mediaType, size,
                        new Digest(DigestAlgorithm.SHA256, sha), trust));
            }
        }
        return out;
    }

    private static List<IdentityRule> identities(LocatedTree tree, JsonNode node, List<Problem> problems) {
        List<IdentityRule> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(tree.problem("manifest.identities", "field /identities must be an array", "/identities"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/identities/" + i;
            JsonNode n = node.get(i);
            if (!n.isObject()) {
                problems.add(tree.problem("manifest.identities", "field " + at + " must be an object", at));
                continue;
            }
            unknown(tree, n, at, IDENTITY, problems);
            String subject = text(tree, n, at + "/subject", problems);
            String issuer = text(tree, n, at + "/issuer", problems);
            JsonNode regex = n.get("subjectIsRegex");
            if (regex == null || !regex.isBoolean()) {
                problems.add(tree.problem("manifest.identities", "field " + at + "/subjectIsRegex must be a boolean",
                        at + "/subjectIsRegex"));
            } else if (subject != null && issuer != null) {
                try {
                    out.add(new IdentityRule(subject, regex.booleanValue(), issuer));
                } catch (IllegalArgumentException e) {
                    problems.add(tree.problem("manifest.identities", "field " + at + " is not a valid identity rule",
                            at));
                }
            }
        }
        return out;
    }

    private static String text(LocatedTree tree, JsonNode parent, String pointer, List<Problem> problems) {
        JsonNode v = parent.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (v == null) {
            problems.add(tree.problem("manifest.missing", "field " + pointer + " is missing", pointer));
            return null;
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            problems.add(tree.problem("manifest.type", "field " + pointer + " must be a non-empty string", pointer));
            return null;
        }
        return v.textValue();
    }

    private static long size(LocatedTree tree, JsonNode parent, String pointer, List<Problem> problems) {
        JsonNode v = parent.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            problems.add(tree.problem("manifest.size", "field " + pointer + " must be a whole number of bytes >= 0",
                    pointer));
            return -1;
        }
        return v.asLong();
    }

    private static void unknown(LocatedTree tree, JsonNode node, String at, Set<String> allowed,
            List<Problem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                problems.add(tree.problem("manifest.unknown-field", "field " + at + "/" + BundlePaths.printable(n)
                        + " is not part of a "
                        + "bundle manifest", at + "/" + n));
            }
        }
    }
}
