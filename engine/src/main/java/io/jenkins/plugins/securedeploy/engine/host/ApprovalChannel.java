package io.jenkins.plugins.securedeploy.engine.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a host asks people to approve (Jenkins input page, terminal prompt, a file). Waiting past the timeout returns
 * empty, which callers treat as a rejection (fail closed).
 */
public interface ApprovalChannel {
    Optional<Response> await(Prompt prompt, Duration timeout) throws InterruptedException;

    /** What is being asked and who may answer. */
    record Prompt(String id, String message, Set<String> allowedApprovers) {
        public Prompt {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
            allowedApprovers = Set.copyOf(allowedApprovers);
        }
    }

    /** One person's answer. */
    record Response(String approver, boolean approved, String reason, Instant at) {
        public Response {
            Objects.requireNonNull(approver, "approver");
            reason = reason == null ? "" : reason;
            Objects.requireNonNull(at, "at");
        }
    }
}
