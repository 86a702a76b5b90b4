package io.jenkins.plugins.securedeploy.engine.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;

/** Package URLs through packageurl-java: building canonical purls and checking ones found in SBOMs. */
final class Purls {
    private Purls() {}

    static String of(String type, String namespace, String name, String version) {
        try {
            return new PackageURL(type, namespace == null || namespace.isEmpty() ? null : namespace, name,
                    version == null || version.isEmpty() ? null : version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a " + type + " package URL for " + name + ": "
                    + e.getMessage(), e);
        }
    }

    static String maven(String group, String artifact, String version, java.util.TreeMap<String, String> qualifiers) {
        try {
            return new PackageURL("maven", group, artifact, version, qualifiers.isEmpty() ? null : qualifiers, null)
                    .canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a Maven package URL for " + group + ":" + artifact
                    + ": " + e.getMessage(), e);
        }
    }

    /** npm names may carry a scope: {@code @types/node} → namespace {@code @types}, name {@code node}. */
    static String npm(String fullName, String version) {
        int slash = fullName.indexOf('/');
        if (fullName.startsWith("@") && slash > 0) {
            return of("npm", fullName.substring(0, slash), fullName.substring(slash + 1), version);
        }
        return of("npm", null, fullName, version);
    }

    /** Go modules: {@code github.com/a/b} → namespace {@code github.com/a}, name {@code b}. */
    static String golang(String module, String version) {
        int slash = module.lastIndexOf('/');
        return slash > 0 ? of("golang", module.substring(0, slash), module.substring(slash + 1), version)
                : of("golang", null, module, version);
    }

    /** Empty when {@code purl} parses; otherwise why not (without echoing the value). */
    static Optional<String> problem(String purl) {
        try {
            new PackageURL(purl);
            return Optional.empty();
        } catch (MalformedPackageURLException | RuntimeException e) {
            String message = e.getMessage() == null ? "malformed" : e.getMessage();
            int quote = message.indexOf('\'');
            return Optional.of(quote > 0 ? message.substring(0, quote).trim() : message);
        }
    }
}
