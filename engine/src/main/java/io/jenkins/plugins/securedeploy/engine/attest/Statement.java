package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.json.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-toto Statement: what is attested ({@link Subject}s), the predicate's type URI and the predicate as plain JSON
 * values. {@link #TYPE_V1} is the one the engine writes; {@link #TYPE_V01} is still read (npm and older SLSA
 * generators write it). The signed form is {@link #toCanonicalJson()} (RFC 8785), carried in a DSSE envelope of
 * payload type {@link #PAYLOAD_TYPE}.
 */
public record Statement(String type, List<Subject> subjects, String predicateType, Map<String, Object> predicate) {
    public static final String TYPE_V1 = "https://in-toto.io/Statement/v1";
    public static final String TYPE_V01 = "https://in-toto.io/Statement/v0.1";
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    public Statement {
        Objects.requireNonNull(type, "type");
        if (!TYPE_V1.equals(type) && !TYPE_V01.equals(type)) {
            throw new IllegalArgumentException("unknown statement _type; expected " + TYPE_V1);
        }
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a statement needs at least one subject");
        }
        Objects.requireNonNull(predicateType, "predicateType");
        if (predicateType.isBlank()) {
            throw new IllegalArgumentException("a statement needs a predicateType");
        }
        predicate = predicate == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predicate));
    }

    /** A Statement v1. */
    public static Statement of(List<Subject> subjects, String predicateType, Map<String, Object> predicate) {
        return new Statement(TYPE_V1, subjects, predicateType, predicate);
    }

    /** The first subject whose digests match {@code artifact}. */
    public Optional<Subject> subjectMatching(DigestSet artifact) {
        return subjects.stream().filter(s -> s.matches(artifact)).findFirst();
    }

    /** The statement as plain JSON values, in-toto field names. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_type", type);
        List<Map<String, Object>> subs = new ArrayList<>();
        for (Subject s : subjects) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("digest", s.digest());
            subs.add(m);
        }
        out.put("subject", subs);
        out.put("predicateType", predicateType);
        out.put("predicate", predicate);
        return out;
    }

    /** The bytes that are signed: RFC 8785 canonical JSON. */
    public byte[] toCanonicalJson() {
        return CanonicalJson.encode(toJson());
    }
}
