package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The admin's issuer configuration: issuer URL (https; plain http only on a loopback address, for tests), JWKS URL
 * (default {@code <issuer>/jwks}), algorithm for new keys, default and maximum token lifetime (5 and 10 minutes by
 * default, never above 1 hour), the audience allow-list and claim templates (both empty by default: nothing is
 * allowed until the admin says so), the subject template and the rotation policy, whose overlap must cover the
 * maximum lifetime. Changing these never rotates keys.
 */
public record IssuerSettings(URI issuer, URI jwksUri, SigningAlgorithm algorithm, Duration defaultLifetime,
        Duration maxLifetime, List<AudienceRule> audiences, List<ClaimTemplate> claims, String subjectTemplate,
        RotationPolicy rotation) {
    /** The hard ceiling on any token's lifetime. */
    public static final Duration CEILING = Duration.ofHours(1);

    public static final String DEFAULT_SUBJECT = "job:{job}:ref:{branch}";

    /** Claims the issuer sets itself; a claim template or a request cannot name them. */
    static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "azp", "job",
            "build_number", "branch", "commit", "trigger", "environment", "run_url");

    public IssuerSettings {
        Objects.requireNonNull(issuer, "issuer");
        jwksUri = jwksUri == null ? URI.create(stripSlash(issuer.toString()) + "/jwks") : jwksUri;
        algorithm = algorithm == null ? SigningAlgorithm.ES256 : algorithm;
        defaultLifetime = defaultLifetime == null ? Duration.ofMinutes(5) : defaultLifetime;
        maxLifetime = maxLifetime == null ? Duration.ofMinutes(10) : maxLifetime;
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        claims = claims == null ? List.of() : List.copyOf(claims);
        subjectTemplate = subjectTemplate == null || subjectTemplate.isBlank() ? DEFAULT_SUBJECT : subjectTemplate;
        rotation = rotation == null ? RotationPolicy.defaults() : rotation;
        List<Problem> problems = validate(issuer, jwksUri, defaultLifetime, maxLifetime, claims, subjectTemplate,
                rotation);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Defaults for everything but the issuer URL and the allow-lists. */
    public static IssuerSettings of(String issuer, List<AudienceRule> audiences, List<ClaimTemplate> claims) {
        return new IssuerSettings(URI.create(issuer), null, null, null, null, audiences, claims, null, null);
    }

    public IssuerSettings withAlgorithm(SigningAlgorithm alg) {
        return new IssuerSettings(issuer, jwksUri, alg, defaultLifetime, maxLifetime, audiences, claims,
                subjectTemplate, rotation);
    }

    public IssuerSettings withLifetimes(Duration defaultLife, Duration maxLife, RotationPolicy policy) {
        return new IssuerSettings(issuer, jwksUri, algorithm, defaultLife, maxLife, audiences, claims,
                subjectTemplate, policy);
    }

    /** The issuer URL as it appears in {@code iss} (no trailing slash). */
    public String issuerId() {
        return stripSlash(issuer.toString());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static List<Problem> validate(URI issuer, URI jwks, Duration def, Duration max,
            List<ClaimTemplate> claims, String subject, RotationPolicy rotation) {
        List<Problem> p = new ArrayList<>();
        checkUrl(issuer, "issuer", p);
        checkUrl(jwks, "jwksUri", p);
        if (max.isNegative() || max.isZero() || max.compareTo(CEILING) > 0) {
            p.add(problem("oidc.lifetime.max", "maxLifetime must be positive and at most " + CEILING + ", was " + max,
                    "maxLifetime"));
        }
        if (def.isNegative() || def.isZero() || def.compareTo(max) > 0) {
            p.add(problem("oidc.lifetime.default", "defaultLifetime must be positive and at most maxLifetime (" + max
                    + "), was " + def, "defaultLifetime"));
        }
        if (rotation.overlap().compareTo(max) < 0) {
            p.add(problem("oidc.rotation.overlap", "rotation overlap (" + rotation.overlap() + ") must cover"
                    + " maxLifetime (" + max + "), or tokens would outlive their key in the JWKS", "rotation.overlap"));
        }
        for (ClaimTemplate c : claims) {
            if (RESERVED.contains(c.name())) {
                p.add(problem("oidc.claims.reserved", "claim '" + c.name() + "' is set by the issuer and cannot be"
                        + " templated", "claims/" + c.name()));
            }
        }
        String rest = subject.replace("{job}", "").replace("{branch}", "").replace("{environment}", "")
                .replace("{build}", "");
        if (rest.contains("{") || rest.contains("}") || !subject.contains("{job}")) {
            p.add(problem("oidc.subject", "subjectTemplate must contain {job} and only {job}, {branch},"
                    + " {environment}, {build}", "subjectTemplate"));
        }
        return p;
    }

    private static void checkUrl(URI u, String field, List<Problem> p) {
        boolean loopback = "localhost".equals(u.getHost()) || "127.0.0.1".equals(u.getHost())
                || "[::1]".equals(u.getHost());
        boolean ok = u.isAbsolute() && u.getHost() != null && u.getQuery() == null && u.getFragment() == null
                && ("https".equals(u.getScheme()) || ("http".equals(u.getScheme()) && loopback));
        if (!ok) {
            p.add(problem("oidc.url", field + " must be an https URL without query or fragment (http only on"
                    + " localhost), was " + u, field));
        }
    }

    private static Problem problem(String code, String message, String field) {
        return Problem.of(code, message, Location.ofPointer("issuer settings", "/" + field, 0, 0));
    }
}
