package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomComponent;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an SBOM's components into findings where the policy's {@link ComponentRules} deny them, so licences and
 * packages go through the same gate, waivers and report as every scanner's findings. A denied licence or package is
 * CRITICAL: a deny-list is a hard rule, and only a waiver (with owner and expiry) can let one through.
 */
public final class ComponentPolicy {
    /** The tool name the findings carry. */
    public static final String TOOL = "secure-deploy-sbom-policy";

    public ScanResult check(List<SbomSummary> sboms, ComponentRules rules) {
        if (sboms.isEmpty()) {
            // deny-lists that could not be checked must not pass as "nothing denied"
            return ScanResult.error(TOOL, "", List.of(Problem.of("sbom-policy.no-sbom", "the policy denies licences "
                    + "or packages (sbom.denyLicenses / sbom.denyPackages) but no SBOM was recorded to check",
                    Location.ofFile(""))));
        }
        List<Finding> findings = new ArrayList<>();
        for (SbomSummary sbom : sboms) {
            for (SbomComponent c : sbom.components()) {
                PackageRef pkg = new PackageRef(c.qualifiedName(), c.version(), "", c.purl());
                rules.deniedLicense(c.licenses()).ifPresent(license -> findings.add(Finding.builder(TOOL,
                                "license-denied")
                        .title("licence " + license + " of " + c.qualifiedName() + "@" + c.version() + " is denied by policy")
                        .severity(Severity.CRITICAL)
                        .category(Category.LICENSE)
                        .id(license)
                        .pkg(pkg)
                        .location(Location.ofFile(sbom.file()))
                        .build()));
                rules.deniedPackage(c.qualifiedName(), c.version(), c.purl()).ifPresent(entry -> findings.add(Finding.builder(
                                TOOL, "package-denied")
                        .title("package " + c.qualifiedName() + "@" + c.version() + " is denied by policy (" + entry + ")")
                        .severity(Severity.CRITICAL)
                        .category(Category.SCA)
                        .pkg(pkg)
                        .location(Location.ofFile(sbom.file()))
                        .build()));
            }
        }
        return ScanResult.ok(TOOL, "", sboms.get(0).file(), findings);
    }
}
