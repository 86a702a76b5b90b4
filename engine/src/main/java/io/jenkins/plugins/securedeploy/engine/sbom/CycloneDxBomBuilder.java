package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/** Builds the cyclonedx-core-java model and serialises it; the only class that knows the library's model. */
final class CycloneDxBomBuilder {
    static final String TOOL_NAME = "secure-deploy";
    static final String PROJECT_REF = "project";

    private final SbomOptions options;
    private final String serial;
    private final Instant timestamp;

    CycloneDxBomBuilder(SbomOptions options, String serial, Instant timestamp) {
        this.options = options;
        this.serial = serial;
        this.timestamp = timestamp;
    }

    static String artifactRef(ArtifactRef artifact) {
        return "artifact:" + artifact.name();
    }

    String json(Collection<SbomComponent> components, Map<String, ArtifactRef> artifacts,
            Map<String, TreeSet<String>> graph, List<String> sources) {
        Bom bom = new Bom();
        bom.setSerialNumber(serial);
        bom.setVersion(1);
        bom.setMetadata(metadata(sources));
        List<Component> list = new ArrayList<>();
        artifacts.forEach((ref, a) -> list.add(artifact(ref, a)));
        components.forEach(c -> list.add(component(c)));
        bom.setComponents(list);
        Set<String> known = new TreeSet<>(artifacts.keySet());
        components.forEach(c -> known.add(c.bomRef()));
        List<Dependency> dependencies = new ArrayList<>();
        graph.forEach((ref, targets) -> {
            String from = LockfileContents.PROJECT.equals(ref) ? PROJECT_REF : ref;
            if (!from.equals(PROJECT_REF) && !known.contains(from)) {
                return;
            }
            Dependency d = new Dependency(from);
            targets.stream().filter(known::contains).forEach(t -> d.addDependency(new Dependency(t)));
            dependencies.add(d);
        });
        if (!dependencies.isEmpty()) {
            bom.setDependencies(dependencies);
        }
        Version version = "1.5".equals(options.specVersion()) ? Version.VERSION_15 : Version.VERSION_16;
        try {
            return BomGeneratorFactory.createJson(version, bom).toJsonString();
        } catch (GeneratorException e) {
            throw new EnvironmentException("cyclonedx-core-java could not serialise the SBOM: " + e.getMessage(), e);
        }
    }

    private Metadata metadata(List<String> sources) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(timestamp));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(TOOL_NAME);
        tool.setVersion(options.toolVersion());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        Component project = new Component();
        project.setType(Component.Type.APPLICATION);
        project.setName(options.projectName());
        if (!options.projectVersion().isEmpty()) {
            project.setVersion(options.projectVersion());
        }
        project.setBomRef(PROJECT_REF);
        metadata.setComponent(project);
        List<Property> properties = new ArrayList<>();
        for (String source : sources) {
            Property p = new Property();
            p.setName("secure-deploy:lockfile");
            p.setValue(source);
            properties.add(p);
        }
        if (!properties.isEmpty()) {
            metadata.setProperties(properties);
        }
        return metadata;
    }

    private static Component artifact(String ref, ArtifactRef a) {
        Component c = new Component();
        c.setType(Component.Type.FILE);
        c.setName(a.name());
        c.setBomRef(ref);
        List<Hash> hashes = new ArrayList<>();
        a.digests().get(DigestAlgorithm.SHA256).ifPresent(d -> hashes.add(new Hash(Hash.Algorithm.SHA_256, d.hex())));
        a.digests().get(DigestAlgorithm.SHA512).ifPresent(d -> hashes.add(new Hash(Hash.Algorithm.SHA_512, d.hex())));
        c.setHashes(hashes);
        return c;
    }

    private static Component component(SbomComponent s) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        if (!s.group().isEmpty()) {
            c.setGroup(s.group());
        }
        c.setName(s.name());
        c.setVersion(s.version());
        c.setBomRef(s.bomRef());
        if (!s.purl().isEmpty()) {
            c.setPurl(s.purl());
        }
        switch (s.scope()) {
            case "excluded" -> c.setScope(Component.Scope.EXCLUDED);
            case "optional" -> c.setScope(Component.Scope.OPTIONAL);
            case "required" -> c.setScope(Component.Scope.REQUIRED);
            default -> { }
        }
        if (!s.hashes().isEmpty()) {
            List<Hash> hashes = new ArrayList<>();
            s.hashes().forEach((alg, hex) -> hashes.add(new Hash(alg, hex)));
            c.setHashes(hashes);
        }
        LicenseChoice licenses = licenses(s.licenses());
        if (licenses != null) {
            c.setLicenses(licenses);
        }
        return c;
    }

    /** SPDX id → {@code license.id}; SPDX expression → {@code expression}; anything else → {@code license.name}. */
    static LicenseChoice licenses(List<String> declared) {
        if (declared.isEmpty()) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        if (declared.size() == 1 && isExpression(declared.get(0))) {
            choice.setExpression(new Expression(declared.get(0)));
            return choice;
        }
        for (String text : declared) {
            License l = new License();
            if (SpdxLicenseIdsReader.ids().contains(text)) {
                l.setId(text);
            } else {
                l.setName(text);
            }
            choice.addLicense(l);
        }
        return choice;
    }

    private static boolean isExpression(String text) {
        return text.contains(" OR ") || text.contains(" AND ") || text.contains(" WITH ")
                || text.startsWith("(") && text.endsWith(")");
    }
}
