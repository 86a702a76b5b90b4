package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a token request against the admin's allow-lists and limits; the result is the list of reasons to refuse. */
final class TokenPolicy {
    private TokenPolicy() {}

    static List<String> refusals(IssuerSettings settings, TokenRequest request) {
        List<String> reasons = new ArrayList<>();
        String job = request.build().job();
        String aud = request.audience();
        if (aud.isBlank()) {
            reasons.add("no audience requested: every token names the one service it is for");
        } else {
            List<AudienceRule> forAud = settings.audiences().stream().filter(r -> r.matchesAudience(aud)).toList();
            if (forAud.isEmpty()) {
                reasons.add("audience '" + aud + "' is not in the admin's audience allow-list");
            } else if (forAud.stream().noneMatch(r -> r.allowsJob(job))) {
                reasons.add("audience '" + aud + "' is not allowed for job '" + job + "'");
            }
        }
        Duration life = request.lifetime();
        if (life != null && (life.isNegative() || life.isZero())) {
            reasons.add("requested lifetime " + life + " is not positive");
        } else if (life != null && life.compareTo(settings.maxLifetime()) > 0) {
            reasons.add("requested lifetime " + life + " exceeds the admin maximum " + settings.maxLifetime());
        }
        for (Map.Entry<String, Object> claim : request.extraClaims().entrySet()) {
            String name = claim.getKey();
            if (IssuerSettings.RESERVED.contains(name)) {
                reasons.add("claim '" + name + "' is set by the issuer and cannot be requested");
                continue;
            }
            Optional<ClaimTemplate> template = settings.claims().stream().filter(t -> t.name().equals(name))
                    .findFirst();
            if (template.isEmpty()) {
                reasons.add("claim '" + name + "' is not in the admin's claim templates");
            } else if (!template.get().allows(claim.getValue())) {
                reasons.add(claim.getValue() instanceof String s
                        ? "value '" + s + "' of claim '" + name + "' does not match its template " + template.get()
                                .values()
                        : "claim '" + name + "' takes a structured value only when its template allows '*'");
            }
        }
        return reasons;
    }
}
