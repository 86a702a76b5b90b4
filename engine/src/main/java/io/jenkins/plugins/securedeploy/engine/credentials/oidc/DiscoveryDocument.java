package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OpenID Provider metadata ({@code /.well-known/openid-configuration}) of an issuer that only issues ID tokens:
 * issuer, jwks_uri, response type {@code id_token}, public subjects, the algorithms of the published keys and the
 * claims the tokens carry.
 */
final class DiscoveryDocument {
    private DiscoveryDocument() {}

    static String json(IssuerSettings settings, IssuerKeys keys, Instant now) {
        TreeSet<String> algs = new TreeSet<>();
        keys.keys().stream().filter(k -> k.publishedAt(now)).forEach(k -> algs.add(k.algorithm().name()));
        algs.add(settings.algorithm().name());
        TreeSet<String> claims = new TreeSet<>(IssuerSettings.RESERVED);
        settings.claims().forEach(c -> claims.add(c.name()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", settings.issuerId());
        doc.put("jwks_uri", settings.jwksUri().toString());
        doc.put("response_types_supported", List.of("id_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.copyOf(algs));
        doc.put("scopes_supported", List.of("openid"));
        doc.put("claims_supported", List.copyOf(claims));
        return JSONObjectUtils.toJSONString(doc);
    }
}
