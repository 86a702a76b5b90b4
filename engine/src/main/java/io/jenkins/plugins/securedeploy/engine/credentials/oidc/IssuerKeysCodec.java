package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persisted form of {@link IssuerKeys}: {@code {"format":"secure-deploy-oidc-keys","version":1,"keys":[{"created":
 * ..., "retired": ..., "publishUntil": ..., "jwk": {private JWK}}]}}, always wrapped in a {@link SecretValue}.
 * Errors name the source and the JSON pointer, never a value.
 */
public final class IssuerKeysCodec {
    static final String FORMAT = "secure-deploy-oidc-keys";

    private IssuerKeysCodec() {}

    public static SecretValue encode(IssuerKeys keys) {
        List<Object> list = new ArrayList<>();
        for (IssuerKey k : keys.keys()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("created", k.created().toString());
            k.retired().ifPresent(r -> entry.put("retired", r.toString()));
            k.publishUntil().ifPresent(p -> entry.put("publishUntil", p.toString()));
            entry.put("jwk", k.jwk().toJSONObject());
            list.add(entry);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        doc.put("keys", list);
        return SecretValue.of(JSONObjectUtils.toJSONString(doc));
    }

    /** Parses a state written by {@link #encode}; {@code source} names it in errors (a file, a credential id). */
    public static IssuerKeys decode(SecretValue state, String source) {
        Map<String, Object> doc;
        try {
            doc = JSONObjectUtils.parse(state.reveal());
        } catch (ParseException | RuntimeException e) {
            throw problem(source, "", "oidc.keys.json", "the issuer key state is not a JSON object");
        }
        if (!FORMAT.equals(doc.get("format")) || !(doc.get("version") instanceof Number n) || n.intValue() != 1) {
            throw problem(source, "/format", "oidc.keys.format", "not a " + FORMAT + " version 1 document");
        }
        if (!(doc.get("keys") instanceof List<?> entries)) {
            throw problem(source, "/keys", "oidc.keys.missing", "'keys' must be an array");
        }
        List<IssuerKey> keys = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "/keys/" + i;
            try {
                keys.add(key(entries.get(i)));
            } catch (ParseException | DateTimeParseException | IllegalArgumentException | ClassCastException e) {
                problems.add(Problem.of("oidc.keys.entry", "not a valid issuer key entry (created, optional retired"
                        + " and publishUntil timestamps, a private EC or RSA jwk with a kid)",
                        Location.ofPointer(source, at, 0, 0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return new IssuerKeys(keys);
        } catch (IllegalArgumentException e) {
            throw problem(source, "/keys", "oidc.keys.signing", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static IssuerKey key(Object entry) throws ParseException {
        Map<String, Object> m = (Map<String, Object>) entry;
        JWK jwk = JWK.parse((Map<String, Object>) m.get("jwk"));
        Instant created = Instant.parse((String) m.get("created"));
        Instant retired = m.get("retired") == null ? null : Instant.parse((String) m.get("retired"));
        Instant until = m.get("publishUntil") == null ? null : Instant.parse((String) m.get("publishUntil"));
        if ((retired == null) != (until == null)) {
            throw new IllegalArgumentException("retired and publishUntil go together");
        }
        return new IssuerKey(jwk, created, retired, until);
    }

    private static InvalidInputException problem(String source, String pointer, String code, String message) {
        return new InvalidInputException(Problem.of(code, message, Location.ofPointer(source, pointer, 0, 0)));
    }
}
