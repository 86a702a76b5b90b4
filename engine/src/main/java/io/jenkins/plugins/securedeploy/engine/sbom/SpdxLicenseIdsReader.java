package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The SPDX license identifiers CycloneDX accepts in {@code license.id}: the enum of {@code spdx.schema.json} that
 * cyclonedx-core-java ships (so our output validates against the very schema we check with).
 */
final class SpdxLicenseIdsReader {
    private static final class Holder {
        static final Set<String> IDS = load();
    }

    private SpdxLicenseIdsReader() {}

    static Set<String> ids() {
        return Holder.IDS;
    }

    private static Set<String> load() {
        try (InputStream in = org.cyclonedx.CycloneDxSchema.class.getResourceAsStream("/spdx.schema.json")) {
            if (in == null) {
                throw new EnvironmentException("cyclonedx-core-java is missing spdx.schema.json");
            }
            JsonNode schema = Json.strict().mapper().readTree(in);
            Set<String> ids = new HashSet<>();
            schema.path("enum").forEach(n -> ids.add(n.asText()));
            return Set.copyOf(ids);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the SPDX license list of cyclonedx-core-java", e);
        }
    }
}
