package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.RedactedCause;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one configured Jackson setup of the engine. Strict: duplicate keys, trailing tokens, unknown-depth nesting,
 * oversized strings/numbers/documents are all rejected with a located {@link InvalidInputException}. Parsers in
 * {@code scan}, {@code sbom} and elsewhere get their {@link JsonFactory}/{@link ObjectMapper} here.
 */
public final class Json {
    private static final Json DEFAULT = new Json(JsonLimits.DEFAULT);

    private final JsonLimits limits;
    private final JsonMapper mapper;
    private final YAMLMapper yamlMapper;

    public Json(JsonLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberLength())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.yamlMapper = YAMLMapper.builder(yamlFactory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    public static Json strict() {
        return DEFAULT;
    }

    public JsonLimits limits() {
        return limits;
    }

    /** The strict mapper. Do not reconfigure it; use {@link #withLimits} for other limits. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectMapper yamlMapper() {
        return yamlMapper;
    }

    /** The strict factory, for streaming parsers. */
    public JsonFactory factory() {
        return mapper.getFactory();
    }

    public static Json withLimits(JsonLimits limits) {
        return new Json(limits);
    }

    /** Wraps a stream so reading more than {@link JsonLimits#maxDocumentBytes()} fails. */
    public InputStream bounded(InputStream in) {
        return new BoundedInputStream(in, limits.maxDocumentBytes());
    }

    /** A streaming parser over a bounded stream. */
    public JsonParser parser(InputStream in) throws IOException {
        return factory().createParser(bounded(in));
    }

    /** Reads a whole JSON document as a tree; errors name {@code displayName} and the location. */
    public JsonNode readTree(Path file, String displayName) {
        try (InputStream in = Files.newInputStream(file)) {
            return readTree(in, displayName);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(
                    Problem.of("file.missing", "file does not exist", Location.ofFile(displayName)), e);
        } catch (IOException e) {
            throw new InvalidInputException(
                    Problem.of("file.unreadable", "cannot read file: " + IoReason.of(e),
                            Location.ofFile(displayName)), e);
        }
    }

    public JsonNode readTree(InputStream in, String displayName) {
        return read(mapper, in, displayName);
    }

    /** Reads a whole YAML document (strict like JSON). */
    public JsonNode readYamlTree(InputStream in, String displayName) {
        return read(yamlMapper, in, displayName);
    }

    private JsonNode read(ObjectMapper m, InputStream in, String displayName) {
        try {
            JsonNode node = m.readTree(bounded(in));
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(Problem.of("json.empty", "document is empty",
                        Location.ofFile(displayName)));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw parseError(displayName, e);
        } catch (IOException e) {
            throw ioError(displayName, e);
        }
    }

    /** Converts a Jackson error into a located problem. The message never echoes input content. */
    public static InvalidInputException parseError(String displayName, JsonProcessingException e) {
        Problem problem = describe(displayName, e);
        return new InvalidInputException(problem, RedactedCause.of(e, problem.message()));
    }

    /** Converts a stream error (including the size limit) into a located problem. */
    public static InvalidInputException ioError(String displayName, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            return parseError(displayName, jpe);
        }
        if (e instanceof BoundedInputStream.LimitExceededException) {
            return new InvalidInputException(
                    Problem.of("json.too-large", e.getMessage(), Location.ofFile(displayName)), e);
        }
        return new InvalidInputException(
                Problem.of("file.unreadable", "cannot read: " + IoReason.of(e),
                        Location.ofFile(displayName)), e);
    }

    static Problem describe(String displayName, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
        int column = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
        String pointer = "";
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : jme.getPath()) {
                sb.append('/');
                sb.append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
            }
            pointer = sb.toString();
        }
        return Problem.of(code(e), e.getOriginalMessage() == null ? "malformed JSON" : sanitize(e.getOriginalMessage()),
                new Location(displayName, pointer, line, column));
    }

    private static String code(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("Duplicate field")) {
            return "json.duplicate-key";
        }
        if (m.contains("Trailing token")) {
            return "json.trailing-tokens";
        }
        if (m.contains("exceeds the maximum")) {
            return "json.limit";
        }
        if (m.contains("end-of-input") || m.contains("Unexpected end")) {
            return "json.truncated";
        }
        return "json.malformed";
    }

    /**
     * Jackson quotes offending tokens (e.g. "Unrecognized token 'abc'"), which may be input content. Keep only the
     * message up to the first quote or the first 160 characters.
     */
    static String sanitize(String message) {
        String firstLine = message.lines().findFirst().orElse("malformed JSON");
        int quote = indexOfAny(firstLine, '\'', '"');
        String cut = quote >= 0 ? firstLine.substring(0, quote).trim() : firstLine;
        if (cut.length() > 160) {
            cut = cut.substring(0, 160) + "...";
        }
        return cut.isEmpty() ? "malformed JSON" : cut;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
