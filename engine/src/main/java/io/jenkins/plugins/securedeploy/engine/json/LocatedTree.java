package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON or YAML document read as a tree together with where each JSON pointer starts in the file (line, column),
 * so that validators can report {@code file:line at /pointer} for any node. Reading is as strict as {@link Json}.
 */
public final class LocatedTree {
    private final String file;
    private final JsonNode root;
    private final Map<String, Location> locations;

    private LocatedTree(String file, JsonNode root, Map<String, Location> locations) {
        this.file = file;
        this.root = root;
        this.locations = Map.copyOf(locations);
    }

    /** Reads YAML when {@code yaml} is true, else JSON (YAML is a superset, but JSON errors read better). */
    public static LocatedTree read(byte[] content, String displayName, boolean yaml) {
        Json json = Json.strict();
        JsonNode root = yaml
                ? json.readYamlTree(new ByteArrayInputStream(content), displayName)
                : json.readTree(new ByteArrayInputStream(content), displayName);
        JsonFactory factory = yaml ? json.yamlMapper().getFactory() : json.factory();
        Map<String, Location> locations = new HashMap<>();
        try (InputStream in = new ByteArrayInputStream(content); JsonParser p = factory.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                String pointer;
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    pointer = ctx.getParent() == null ? "" : ctx.getParent().pathAsPointer().toString();
                } else {
                    pointer = ctx.pathAsPointer().toString();
                }
                JsonLocation loc = p.currentTokenLocation();
                locations.putIfAbsent(pointer, Location.ofPointer(displayName, pointer,
                        Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0)));
            }
        } catch (JsonProcessingException e) {
            throw Json.parseError(displayName, e);
        } catch (IOException e) {
            throw Json.ioError(displayName, e);
        }
        return new LocatedTree(displayName, root, locations);
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Where {@code pointer} (or its nearest located ancestor) starts; the pointer is always the one asked for. */
    public Location locate(String pointer) {
        String p = pointer;
        while (true) {
            Location loc = locations.get(p);
            if (loc != null) {
                return loc.withPointer(pointer);
            }
            if (p.isEmpty()) {
                return Location.ofPointer(file, pointer, 0, 0);
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** Every located pointer (start of its value or key). */
    public Map<String, Location> locations() {
        return locations;
    }

    /** A problem located at {@code pointer}. */
    public Problem problem(String code, String message, String pointer) {
        return Problem.of(code, message, locate(pointer));
    }

    /** Throws if there are problems. */
    public static void failIfAny(java.util.List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
