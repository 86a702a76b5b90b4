package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.JsonLimits;
import io.jenkins.plugins.securedeploy.engine.json.SchemaRegistries;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPDX 2.3 JSON: the official SPDX 2.3 JSON schema (shipped as {@code spdx-2.3-schema.json}, see the README beside
 * it) plus semantic checks in {@link SpdxSemantics}. The schema validator needs the whole tree, so SPDX JSON input
 * is bounded to {@link #MAX_BYTES} (64 MiB); larger documents are refused with a located problem, not read.
 */
final class SpdxJsonReader {
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Json JSON = Json.withLimits(new JsonLimits(JsonLimits.DEFAULT.maxStringLength(),
            JsonLimits.DEFAULT.maxNestingDepth(), JsonLimits.DEFAULT.maxNumberLength(), MAX_BYTES));

    private static final class Holder {
        static final Schema SCHEMA = load();
    }

    ValidationReport validate(SbomSource source, Digest sha256) throws IOException {
        String file = source.name();
        JsonNode root;
        try (InputStream in = source.open(); JsonParser p = JSON.parser(in)) {
            root = JSON.mapper().reader(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(p))
                    .readTree(p);
        } catch (JsonProcessingException e) {
            throw Json.parseError(file, e);
        } catch (IOException e) {
            throw Json.ioError(file, e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(Problem.of("spdx.not-object", "an SPDX JSON document is a JSON object",
                    Location.of(file, 1, 1)));
        }
        List<Problem> problems = new ArrayList<>();
        String version = root.path("spdxVersion").asText("");
        if (!"SPDX-2.3".equals(version)) {
            problems.add(Problem.of("spdx.version.unsupported", "spdxVersion must be SPDX-2.3",
                    Location.ofPointer(file, "/spdxVersion", CycloneDxJsonReader.line(root.path("spdxVersion")), 0)));
        }
        SchemaErrorsReader.validate(Holder.SCHEMA, root, file, "", problems);
        SpdxSemantics semantics = new SpdxSemantics(file, problems);
        JsonNode packages = root.path("packages");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            String pointer = "/packages/" + i;
            int line = CycloneDxJsonReader.line(p);
            semantics.element(p.path("SPDXID").asText(""), pointer + "/SPDXID", line);
            String purl = "";
            JsonNode refs = p.path("externalRefs");
            for (int j = 0; j < refs.size(); j++) {
                if ("purl".equals(refs.get(j).path("referenceType").asText())) {
                    purl = refs.get(j).path("referenceLocator").asText("");
                    semantics.purl(purl, pointer + "/externalRefs/" + j + "/referenceLocator",
                            CycloneDxJsonReader.line(refs.get(j)));
                }
            }
            List<String> licenses = new ArrayList<>();
            for (String field : List.of("licenseConcluded", "licenseDeclared")) {
                SpdxSemantics.license(p.path(field).asText("")).filter(l -> !licenses.contains(l))
                        .ifPresent(licenses::add);
            }
            semantics.pkg(p.path("SPDXID").asText(""), p.path("name").asText(""), p.path("versionInfo").asText(""),
                    purl, licenses, checksums(p.path("checksums")));
        }
        JsonNode files = root.path("files");
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            semantics.element(f.path("SPDXID").asText(""), "/files/" + i + "/SPDXID", CycloneDxJsonReader.line(f));
            semantics.file(f.path("fileName").asText(""), checksums(f.path("checksums")));
        }
        JsonNode snippets = root.path("snippets");
        for (int i = 0; i < snippets.size(); i++) {
            semantics.element(snippets.get(i).path("SPDXID").asText(""), "/snippets/" + i + "/SPDXID",
                    CycloneDxJsonReader.line(snippets.get(i)));
        }
        JsonNode rels = root.path("relationships");
        for (int i = 0; i < rels.size(); i++) {
            JsonNode r = rels.get(i);
            int line = CycloneDxJsonReader.line(r);
            semantics.reference(r.path("spdxElementId").asText(""), "/relationships/" + i + "/spdxElementId", line);
            semantics.reference(r.path("relatedSpdxElement").asText(""), "/relationships/" + i
                    + "/relatedSpdxElement", line);
            if ("DESCRIBES".equals(r.path("relationshipType").asText())) {
                semantics.describes(r.path("relatedSpdxElement").asText(""));
            }
        }
        root.path("documentDescribes").forEach(d -> semantics.describes(d.asText()));
        semantics.finish(root.path("SPDXID").asText(""));
        SbomSummary summary = new SbomSummary(file, SbomFormat.SPDX_JSON, version,
                root.path("documentNamespace").asText(""), sha256, semantics.artifacts(), semantics.components());
        return new ValidationReport(file, SbomFormat.SPDX_JSON, version, problems, Optional.of(summary));
    }

    private static List<String[]> checksums(JsonNode checksums) {
        List<String[]> out = new ArrayList<>();
        checksums.forEach(c -> out.add(new String[] {c.path("algorithm").asText(""),
            c.path("checksumValue").asText("")}));
        return out;
    }

    private static Schema load() {
        try (InputStream in = SpdxJsonReader.class.getResourceAsStream("spdx-2.3-schema.json")) {
            if (in == null) {
                throw new EnvironmentException("the engine jar is missing spdx-2.3-schema.json");
            }
            SchemaRegistry registry = SchemaRegistries.create(SpecificationVersion.DRAFT_2019_09, Map.of(),
                    SpdxJsonReader.class.getClassLoader(), SchemaRegistryConfig.getInstance());
            return registry.getSchema(Json.strict().mapper().readTree(in));
        } catch (IOException e) {
            throw new EnvironmentException("cannot load the SPDX 2.3 JSON schema", e);
        }
    }
}
