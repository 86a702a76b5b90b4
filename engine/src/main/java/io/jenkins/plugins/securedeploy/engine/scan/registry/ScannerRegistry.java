package io.jenkins.plugins.securedeploy.engine.scan.registry;

import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every supported tool, by id. New formats are added to {@code defaultDescriptors()}. */
public final class ScannerRegistry {
    static List<ScannerDescriptor> defaultDescriptors() {
        return List.of(
                // one line per tool, keep sorted by id
                new io.jenkins.plugins.securedeploy.engine.scan.bandit.BanditDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.checkov.CheckovDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.cyclonedxvex.CycloneDxVexDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.dependencycheck.DependencyCheckDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.gitleaks.GitleaksDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.grype.GrypeDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.npmaudit.NpmAuditDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.osv.OsvDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.sarif.SarifDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.findings.FindingsDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.semgrep.SemgrepDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.shellcheck.ShellCheckDescriptor(),
                new io.jenkins.plugins.securedeploy.engine.scan.trivy.TrivyDescriptor());
    }

    private final Map<String, ScannerDescriptor> byId = new LinkedHashMap<>();

    public ScannerRegistry(List<ScannerDescriptor> descriptors) {
        for (ScannerDescriptor d : descriptors) {
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("two scanner descriptors with id " + d.id());
            }
        }
    }

    public static ScannerRegistry standard() {
        return new ScannerRegistry(defaultDescriptors());
    }

    public Optional<ScannerDescriptor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<ScannerDescriptor> all() {
        return List.copyOf(byId.values());
    }
}
