package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.util.List;
import java.util.Map;

/** The outcome of verifying a token: VERIFIED with its claims, or FAILED with the reasons. */
public record TokenCheck(Status status, List<String> reasons, Map<String, Object> claims) {
    /** The verdict. */
    public enum Status {
        VERIFIED,
        FAILED
    }

    public TokenCheck {
        reasons = List.copyOf(reasons);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    static TokenCheck failed(String reason) {
        return new TokenCheck(Status.FAILED, List.of(reason), Map.of());
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
