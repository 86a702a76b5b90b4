package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema (2020-12) validation of documents against schemas shipped in the engine jar. Reports every problem
 * (never fail-fast), each located by file, line and JSON pointer of the offending field.
 */
public final class JsonSchemas {
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** Loads (once) a schema from the class path, e.g. {@code /io/.../policy/policy.schema.json}. */
    public static Schema load(String resource) {
        return CACHE.computeIfAbsent(resource, JsonSchemas::compile);
    }

    private static Schema compile(String resource) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EnvironmentException("schema missing from the engine jar: " + resource);
            }
            JsonNode node = Json.strict().mapper().readTree(in);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ROOT)
                    .failFast(false)
                    .formatAssertionsEnabled(true)
                    .build();
            SchemaRegistry registry = SchemaRegistries.create(SpecificationVersion.DRAFT_2020_12, Map.of(),
                    JsonSchemas.class.getClassLoader(), config);
            return registry.getSchema(node);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read schema " + resource + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Every schema violation of {@code tree}, sorted by line, located. Empty when valid. */
    public static List<Problem> validate(String schemaResource, LocatedTree tree) {
        List<Problem> problems = new ArrayList<>();
        for (Error m : load(schemaResource).validate(tree.root())) {
            String pointer = m.getInstanceLocation().toString();
            if (m.getProperty() != null && ("additionalProperties".equals(m.getKeyword())
                    || "unevaluatedProperties".equals(m.getKeyword()) || "propertyNames".equals(m.getKeyword()))) {
                pointer = pointer + "/" + escape(m.getProperty());
            }
            String message = m.getMessage();
            int colon = message.indexOf(": ");
            if (colon >= 0 && message.startsWith(m.getInstanceLocation().toString())) {
                message = message.substring(colon + 2);
            }
            if ("additionalProperties".equals(m.getKeyword())) {
                message = "unknown key '" + m.getProperty() + "' (not allowed here)";
            }
            String field = pointer.isEmpty() ? "/" : pointer;
            problems.add(tree.problem("schema." + m.getKeyword(), "field " + field + ": " + message, pointer));
        }
        problems.sort(Comparator.comparingInt((Problem p) -> p.location().line())
                .thenComparing(p -> p.location().pointer()).thenComparing(Problem::message));
        return List.copyOf(problems);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
