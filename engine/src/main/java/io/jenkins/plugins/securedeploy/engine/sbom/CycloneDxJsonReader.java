package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.SchemaRegistries;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates CycloneDX JSON 1.4–1.7 against the official schemas (1.4–1.6 as cyclonedx-core-java ships them, 1.7.2
 * bundled under {@code sbom/schema/}, as are the newer SPDX licence list and the cryptography definitions 1.7
 * refers to), streaming: the top-level
 * {@code components} and {@code dependencies} arrays are read one element at a time and each element is checked
 * against its sub-schema ({@code #/definitions/component}, {@code #/definitions/dependency}); the rest of the
 * document (without those arrays' elements) is checked against the whole schema. Heap therefore grows with the
 * largest single element and the summary, not with the file. Array-wide {@code uniqueItems} is replaced by the
 * stricter duplicate bom-ref check of {@link CycloneDxComponentReader}.
 */
final class CycloneDxJsonReader {
    static final List<String> SUPPORTED = List.of("1.4", "1.5", "1.6", "1.7");
    private static final Map<String, Schemas> SCHEMAS = new ConcurrentHashMap<>();

    private record Schemas(Schema bom, Schema component, Schema dependency) {}

    ValidationReport validate(SbomSource source, io.jenkins.plugins.securedeploy.engine.core.Digest sha256)
            throws IOException {
        String file = source.name();
        List<Problem> problems = new ArrayList<>();
        Header header = header(source);
        String specVersion = header.specVersion;
        Schemas schemas = null;
        if (specVersion == null) {
            problems.add(Problem.of("cyclonedx.spec-version.missing", "required property specVersion is missing",
                    Location.ofPointer(file, "", 1, 0)));
        } else if (!SUPPORTED.contains(specVersion)) {
            problems.add(Problem.of("cyclonedx.spec-version.unsupported", "specVersion must be one of "
                    + SUPPORTED + " (CycloneDX 1.4-1.7); schema validation skipped",
                    Location.ofPointer(file, "/specVersion", header.specVersionLine, 0)));
        } else {
            schemas = schemas(specVersion);
        }
        if (!"CycloneDX".equals(header.bomFormat)) {
            problems.add(Problem.of("cyclonedx.bom-format", "bomFormat must be \"CycloneDX\"",
                    Location.ofPointer(file, "/bomFormat", header.bomFormatLine, 0)));
        }
        CycloneDxComponentReader semantics = new CycloneDxComponentReader(file, problems, schemas != null);
        ObjectNode skeleton;
        try (InputStream in = source.open(); JsonParser p = Json.strict().parser(in)) {
            JsonNodeFactory nodes = LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(p);
            ObjectReader reader = Json.strict().mapper().reader(nodes)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(Problem.of("cyclonedx.not-object", "a CycloneDX BOM is a JSON object",
                        Location.of(file, 1, 1)));
            }
            skeleton = nodes.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (("components".equals(field) || "dependencies".equals(field)) && value == JsonToken.START_ARRAY) {
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode element = reader.readTree(p);
                        String pointer = "/" + field + "/" + i++;
                        if (schemas != null) {
                            Schema schema = "components".equals(field) ? schemas.component() : schemas.dependency();
                            SchemaErrorsReader.validate(schema, element, file, pointer, problems);
                        }
                        if ("components".equals(field)) {
                            semantics.component(element, pointer, true);
                        } else {
                            semantics.dependency(element, pointer);
                        }
                    }
                    skeleton.set(field, nodes.arrayNode());
                } else {
                    skeleton.set(field, reader.readTree(p));
                }
            }
        } catch (JsonProcessingException e) {
            throw Json.parseError(file, e);
        } catch (IOException e) {
            throw Json.ioError(file, e);
        }
        if (schemas != null) {
            SchemaErrorsReader.validate(schemas.bom(), skeleton, file, "", problems);
        }
        services(semantics, skeleton.path("services"), "/services");
        JsonNode metadataComponent = skeleton.path("metadata").path("component");
        if (metadataComponent.isObject()) {
            semantics.component(metadataComponent, "/metadata/component", false);
        }
        semantics.finish();
        SbomSummary summary = new SbomSummary(file, SbomFormat.CYCLONEDX_JSON, specVersion == null ? "" : specVersion,
                skeleton.path("serialNumber").asText(""), sha256, semantics.artifacts(), semantics.components());
        return new ValidationReport(file, SbomFormat.CYCLONEDX_JSON, specVersion, problems,
                java.util.Optional.of(summary));
    }

    private static final class Header {
        String bomFormat;
        int bomFormatLine;
        String specVersion;
        int specVersionLine;
    }

    /** First pass: only the top-level bomFormat and specVersion (everything else is skipped, not built). */
    private static Header header(SbomSource source) throws IOException {
        Header h = new Header();
        try (InputStream in = source.open(); JsonParser p = Json.strict().parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(Problem.of("cyclonedx.not-object", "a CycloneDX BOM is a JSON object",
                        Location.of(source.name(), 1, 1)));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                int line = p.currentLocation().getLineNr();
                if ("specVersion".equals(field) && value == JsonToken.VALUE_STRING) {
                    h.specVersion = p.getText();
                    h.specVersionLine = line;
                } else if ("bomFormat".equals(field) && value == JsonToken.VALUE_STRING) {
                    h.bomFormat = p.getText();
                    h.bomFormatLine = line;
                } else {
                    if ("specVersion".equals(field)) {
                        h.specVersion = "";
                        h.specVersionLine = line;
                    }
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw Json.parseError(source.name(), e);
        } catch (IOException e) {
            throw Json.ioError(source.name(), e);
        }
        return h;
    }

    private static Schemas schemas(String specVersion) {
        return SCHEMAS.computeIfAbsent(specVersion, v -> {
            String id = "http://cyclonedx.org/schema/bom-" + v + ".schema.json";
            String bundled = "classpath:io/jenkins/plugins/securedeploy/engine/sbom/schema/";
            Map<String, String> offline = Map.of(
                    "http://cyclonedx.org/schema/spdx.schema.json", bundled + "spdx.schema.json",
                    "http://cyclonedx.org/schema/jsf-0.82.schema.json", "classpath:jsf-0.82.schema.json",
                    "http://cyclonedx.org/schema/cryptography-defs.schema.json",
                    bundled + "cryptography-defs.schema.json",
                    "http://cyclonedx.org/schema/bom-1.4.schema.json", "classpath:bom-1.4.schema.json",
                    "http://cyclonedx.org/schema/bom-1.5.schema.json", "classpath:bom-1.5.schema.json",
                    "http://cyclonedx.org/schema/bom-1.6.schema.json", "classpath:bom-1.6.schema.json",
                    "http://cyclonedx.org/schema/bom-1.7.schema.json", bundled + "bom-1.7.schema.json");
            // the schemas ship in cyclonedx-core-java and in the engine, both loaded by the engine's own class loader
            // (the plugin's, inside Jenkins): resolve them through it, never through the thread's
            SchemaRegistry registry = SchemaRegistries.create(com.networknt.schema.SpecificationVersion.DRAFT_7,
                    offline, CycloneDxJsonReader.class.getClassLoader(),
                    SchemaRegistryConfig.builder().preloadSchema(false).build());
            return new Schemas(registry.getSchema(SchemaLocation.of(id)),
                    registry.getSchema(SchemaLocation.of(id + "#/definitions/component")),
                    registry.getSchema(SchemaLocation.of(id + "#/definitions/dependency")));
        });
    }

    /** Services (and their nested services) have bom-refs dependencies may name. */
    private static void services(CycloneDxComponentReader semantics, JsonNode services, String pointer) {
        for (int i = 0; i < services.size(); i++) {
            JsonNode s = services.get(i);
            semantics.service(s, pointer + "/" + i);
            services(semantics, s.path("services"), pointer + "/" + i + "/services");
        }
    }

    static int line(JsonNode node) {
        com.fasterxml.jackson.core.JsonLocation loc = JsonNodes.tokenStreamLocationOf(node);
        return loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    }
}
