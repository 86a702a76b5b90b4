package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way the issuer's keys change: a pure function of (state, policy, algorithm, now). Hosts call it on a
 * schedule (Jenkins: a periodic task; CLI: {@code secure-deploy oidc rotate}) and persist the result when it changed;
 * a configuration reload does not call it. It creates the first key, replaces a signing key that is due (the old one
 * stays published for the overlap) and drops retired keys whose overlap has passed.
 */
public final class KeyRotation {
    /** The new state, whether it changed, and what happened (key ids and dates only). */
    public record Result(IssuerKeys keys, boolean changed, List<String> events) {
        public Result {
            events = List.copyOf(events);
        }
    }

    private KeyRotation() {}

    /** Rotates if due. */
    public static Result rotate(IssuerKeys state, RotationPolicy policy, SigningAlgorithm algorithm, Instant now) {
        return rotate(state, policy, algorithm, now, false);
    }

    /** Rotates now (an admin's explicit action, e.g. after a suspected key leak), due or not. */
    public static Result rotateNow(IssuerKeys state, RotationPolicy policy, SigningAlgorithm algorithm, Instant now) {
        return rotate(state, policy, algorithm, now, true);
    }

    private static Result rotate(IssuerKeys state, RotationPolicy policy, SigningAlgorithm algorithm, Instant now,
            boolean force) {
        List<String> events = new ArrayList<>();
        List<IssuerKey> next = new ArrayList<>();
        IssuerKey signing = state.signingKey().orElse(null);
        for (IssuerKey k : state.keys()) {
            if (k.publishedAt(now)) {
                next.add(k);
            } else {
                events.add("dropped retired key " + k.keyId() + " (its tokens expired by " + k.publishUntil().orElseThrow()
                        + ")");
            }
        }
        boolean due = signing == null || force || !now.isBefore(signing.created().plus(policy.rotateEvery()));
        if (due) {
            if (signing != null) {
                Instant until = now.plus(policy.overlap());
                next.set(next.indexOf(signing), signing.retire(now, until));
                events.add("retired key " + signing.keyId() + "; published until " + until);
            }
            IssuerKey fresh = new IssuerKey(algorithm.generate(), now, null, null);
            next.add(fresh);
            events.add("created " + algorithm + " signing key " + fresh.keyId());
        }
        return events.isEmpty() ? new Result(state, false, events) : new Result(new IssuerKeys(next), true, events);
    }
}
