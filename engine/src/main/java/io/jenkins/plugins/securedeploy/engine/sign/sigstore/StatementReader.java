package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the subjects and predicate type of an in-toto Statement (v0.1 or v1) carried in a bundle's DSSE payload, just
 * enough to bind the artifact. Subject digests under algorithms the engine does not compute (e.g. {@code gitCommit})
 * are skipped; a subject with none left binds nothing.
 */
final class StatementReader {
    static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
    private static final Set<String> STATEMENT_TYPES = Set.of("https://in-toto.io/Statement/v0.1",
            "https://in-toto.io/Statement/v1");

    /** A statement's predicate type and its subjects' digests (supported algorithms only). */
    record Statement(String predicateType, List<Subject> subjects) {}

    record Subject(String name, Optional<DigestSet> digests) {}

    private StatementReader() {}

    /** Throws a located {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException} when malformed. */
    static Statement read(byte[] payload, String name) {
        LocatedTree tree = LocatedTree.read(payload, name, false);
        JsonFieldReader f = new JsonFieldReader(tree, false);
        f.object("", Set.of());
        String type = f.string("/_type");
        if (!STATEMENT_TYPES.contains(type)) {
            throw f.malformed("/_type", "not an in-toto Statement v0.1 or v1");
        }
        int n = f.arraySize("/subject", true);
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p = "/subject/" + i;
            f.object(p, Set.of());
            com.fasterxml.jackson.databind.JsonNode digest = f.object(p + "/digest", Set.of());
            Map<DigestAlgorithm, Digest> digests = new EnumMap<>(DigestAlgorithm.class);
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = digest.fields();
                    it.hasNext();) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                Optional<DigestAlgorithm> alg = DigestAlgorithm.parse(e.getKey());
                if (alg.isPresent() && e.getValue().isTextual()) {
                    try {
                        digests.put(alg.get(), new Digest(alg.get(), e.getValue().textValue()));
                    } catch (IllegalArgumentException malformedDigest) {
                        throw f.malformed(p + "/digest/" + e.getKey(), "not a " + alg.get().id() + " hex digest");
                    }
                }
            }
            subjects.add(new Subject(Optional.ofNullable(f.optionalString(p + "/name")).orElse(""),
                    digests.isEmpty() ? Optional.empty() : Optional.of(new DigestSet(digests))));
        }
        return new Statement(f.string("/predicateType"), subjects);
    }
}
