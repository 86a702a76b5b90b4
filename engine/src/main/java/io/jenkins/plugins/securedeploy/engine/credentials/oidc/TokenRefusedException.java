package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.util.List;

/** The issuer refused a token request; {@link #reasons()} says why (audience, claim or lifetime outside policy). */
public final class TokenRefusedException extends SecurityViolationException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> reasons;

    TokenRefusedException(List<String> reasons) {
        super("ID token refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons == null ? List.of() : reasons;
    }
}
