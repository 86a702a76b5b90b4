package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** Loads (once) a schema from the class path, e.g. {@code /io/.../policy/policy.schema.json}. */
    public static JsonSchema load(String resource) {
        return CACHE.computeIfAbsent(resource, JsonSchemas::compile);
    }

    private static JsonSchema compile(String resource) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EnvironmentException("schema missing from the engine jar: " + resource);
            }
            JsonNode node = Json.strict().mapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ROOT)
                    .failFast(false)
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read schema " + resource + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Every schema violation of {@code tree}, sorted by line, located. Empty when valid. */
    public static List<Problem> validate(String schemaResource, LocatedTree tree) {
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : load(schemaResource).validate(tree.root())) {
            String pointer = m.getInstanceLocation().toString();
            if (m.getProperty() != null && ("additionalProperties".equals(m.getType())
                    || "unevaluatedProperties".equals(m.getType()) || "propertyNames".equals(m.getType()))) {
                pointer = pointer + "/" + escape(m.getProperty());
            }
            String message = m.getMessage();
            int colon = message.indexOf(": ");
            if (colon >= 0 && message.startsWith(m.getInstanceLocation().toString())) {
                message = message.substring(colon + 2);
            }
            if ("additionalProperties".equals(m.getType())) {
                message = "unknown key '" + m.getProperty() + "' (not allowed here)";
            }
            String field = pointer.isEmpty() ? "/" : pointer;
            problems.add(tree.problem("schema." + m.getType(), "field " + field + ": " + message, pointer));
        }
        problems.sort(Comparator.comparingInt((Problem p) -> p.location().line())
                .thenComparing(p -> p.location().pointer()).thenComparing(Problem::message));
        return List.copyOf(problems);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
