package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an SBOM's components may not contain: licences (SPDX ids, matched case-insensitively against every licence a
 * component declares) and packages (a name, {@code name@version}, or a purl prefix such as {@code pkg:npm/left-pad}).
 * Written under {@code sbom:} in the policy; the floor's and the project's lists are joined, never shortened.
 */
public record ComponentRules(List<String> denyLicenses, List<String> denyPackages) {
    public static final ComponentRules NONE = new ComponentRules(List.of(), List.of());

    public ComponentRules {
        denyLicenses = denyLicenses == null ? List.of() : List.copyOf(new TreeSet<>(denyLicenses));
        denyPackages = denyPackages == null ? List.of() : List.copyOf(new TreeSet<>(denyPackages));
    }

    public boolean isEmpty() {
        return denyLicenses.isEmpty() && denyPackages.isEmpty();
    }

    /** Both lists joined: a deny-list only ever grows when policies are merged. */
    public ComponentRules union(ComponentRules other) {
        Set<String> licenses = new TreeSet<>(denyLicenses);
        licenses.addAll(other.denyLicenses);
        Set<String> packages = new TreeSet<>(denyPackages);
        packages.addAll(other.denyPackages);
        return new ComponentRules(List.copyOf(licenses), List.copyOf(packages));
    }

    /** The denied licence among {@code licenses}, if any (SPDX ids compare case-insensitively). */
    public java.util.Optional<String> deniedLicense(List<String> licenses) {
        for (String license : licenses) {
            for (String denied : denyLicenses) {
                if (denied.toLowerCase(Locale.ROOT).equals(license.toLowerCase(Locale.ROOT))) {
                    return java.util.Optional.of(denied);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The deny entry matching a component, if any: exact name, {@code name@version}, or purl prefix. */
    public java.util.Optional<String> deniedPackage(String name, String version, String purl) {
        for (String denied : denyPackages) {
            boolean match = denied.startsWith("pkg:")
                    ? !purl.isEmpty() && (purl.equals(denied) || purl.startsWith(denied + "@")
                            || purl.startsWith(denied + "?"))
                    : denied.equals(name) || denied.equals(name + "@" + version);
            if (match) {
                return java.util.Optional.of(denied);
            }
        }
        return java.util.Optional.empty();
    }
}
