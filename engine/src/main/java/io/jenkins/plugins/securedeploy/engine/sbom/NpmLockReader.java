package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * npm {@code package-lock.json} / {@code npm-shrinkwrap.json}, lockfileVersion 2 and 3 (the {@code packages} map).
 * Each installed path becomes a component (same name@version at several paths: one component); {@code integrity}
 * becomes a hash, {@code license} a license, {@code dev: true} the scope {@code excluded}. The graph follows Node's
 * resolution: a dependency of {@code node_modules/a} is looked up in {@code node_modules/a/node_modules/}, then in
 * each parent's, then at the top.
 */
final class NpmLockReader implements LockfileReader {
    private static final String NM = "node_modules/";

    @Override
    public String ecosystem() {
        return "npm";
    }

    @Override
    public LockfileContents read(InputStream in, String displayName) {
        JsonNode root = Json.strict().readTree(in, displayName);
        int lockfileVersion = root.path("lockfileVersion").asInt(0);
        JsonNode packages = root.path("packages");
        if (lockfileVersion < 2 || !packages.isObject()) {
            throw new InvalidInputException(Problem.of("npm.lockfile-version",
                    "only package-lock.json lockfileVersion 2 and 3 (with a packages map) are supported; run npm 7+"
                            + " to upgrade it", Location.ofPointer(displayName, "/lockfileVersion", 0, 0)));
        }
        Map<String, SbomComponent> byPath = new TreeMap<>();
        Map<String, SbomComponent> byRef = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = e.getKey();
            JsonNode p = e.getValue();
            if (path.isEmpty() || p.path("link").asBoolean(false) || !path.contains(NM)) {
                continue; // the root project, workspace links and workspace folders are not installed packages
            }
            String name = p.hasNonNull("name") ? p.get("name").asText()
                    : path.substring(path.lastIndexOf(NM) + NM.length());
            String version = p.path("version").asText("");
            if (version.isEmpty()) {
                problems.add(Problem.of("npm.version-missing", "installed package has no version",
                        Location.ofPointer(displayName, "/packages/" + escape(path), 0, 0)));
                continue;
            }
            SbomComponent c = component(name, version, p);
            SbomComponent existing = byRef.get(c.bomRef());
            if (existing != null && !existing.development()) {
                c = existing; // used at runtime somewhere: required wins over dev
            }
            byRef.put(c.bomRef(), c);
            byPath.put(path, c);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        byPath.replaceAll((path, c) -> byRef.get(c.bomRef()));
        return new LockfileContents(displayName, ecosystem(), new ArrayList<>(byRef.values()),
                graph(packages, byPath));
    }

    private static SbomComponent component(String fullName, String version, JsonNode p) {
        String group = "";
        String name = fullName;
        int slash = fullName.indexOf('/');
        if (fullName.startsWith("@") && slash > 0) {
            group = fullName.substring(0, slash);
            name = fullName.substring(slash + 1);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        String integrity = p.path("integrity").asText("");
        for (String sri : integrity.split("\\s+")) {
            int dash = sri.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            String alg = switch (sri.substring(0, dash).toLowerCase(Locale.ROOT)) {
                case "sha512" -> "SHA-512";
                case "sha384" -> "SHA-384";
                case "sha256" -> "SHA-256";
                case "sha1" -> "SHA-1";
                default -> null;
            };
            if (alg != null) {
                try {
                    hashes.put(alg, HexFormat.of().formatHex(Base64.getDecoder().decode(sri.substring(dash + 1))));
                } catch (IllegalArgumentException ignored) {
                    // not base64: leave the hash out rather than record a wrong one
                }
            }
        }
        List<String> licenses = new ArrayList<>();
        JsonNode license = p.path("license");
        if (license.isTextual() && !license.asText().isBlank()) {
            licenses.add(license.asText());
        }
        String scope = p.path("dev").asBoolean(false) ? "excluded"
                : p.path("optional").asBoolean(false) ? "optional" : "required";
        String purl = Purls.npm(fullName, version);
        return new SbomComponent("npm", group, name, version, purl, licenses, hashes, scope, purl);
    }

    private static List<SbomDependency> graph(JsonNode packages, Map<String, SbomComponent> byPath) {
        Map<String, TreeSet<String>> edges = new TreeMap<>();
        for (Map.Entry<String, SbomComponent> e : byPath.entrySet()) {
            JsonNode p = packages.get(e.getKey());
            TreeSet<String> targets = edges.computeIfAbsent(e.getValue().bomRef(), k -> new TreeSet<>());
            for (String field : List.of("dependencies", "optionalDependencies", "peerDependencies")) {
                for (Iterator<String> names = p.path(field).fieldNames(); names.hasNext(); ) {
                    SbomComponent target = resolve(e.getKey(), names.next(), byPath);
                    if (target != null && !target.bomRef().equals(e.getValue().bomRef())) {
                        targets.add(target.bomRef());
                    }
                }
            }
        }
        TreeSet<String> direct = new TreeSet<>();
        for (String field : List.of("dependencies", "devDependencies", "optionalDependencies")) {
            for (Iterator<String> names = packages.path("").path(field).fieldNames(); names.hasNext(); ) {
                SbomComponent target = resolve("", names.next(), byPath);
                if (target != null) {
                    direct.add(target.bomRef());
                }
            }
        }
        List<SbomDependency> out = new ArrayList<>();
        out.add(new SbomDependency(LockfileContents.PROJECT, new ArrayList<>(direct)));
        edges.forEach((ref, deps) -> out.add(new SbomDependency(ref, new ArrayList<>(deps))));
        return out;
    }

    /** Node's lookup: nearest node_modules folder upwards from {@code fromPath}. */
    static SbomComponent resolve(String fromPath, String dependency, Map<String, SbomComponent> byPath) {
        String base = fromPath;
        while (!base.isEmpty()) {
            SbomComponent hit = byPath.get(base + "/" + NM + dependency);
            if (hit != null) {
                return hit;
            }
            int cut = base.lastIndexOf("/" + NM);
            if (cut < 0) {
                return byPath.get(NM + dependency);
            }
            base = base.substring(0, cut);
        }
        return byPath.get(NM + dependency);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
