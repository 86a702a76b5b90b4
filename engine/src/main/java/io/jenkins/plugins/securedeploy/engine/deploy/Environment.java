package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.local.LocalExchange;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment environment from the policy's {@code environments}: which environment a digest must have passed
 * first ({@code requires}, "" = none), its own policy file ({@code policy}, "" = the project policy; merged with the
 * admin floor like every policy, so never below it), its approval rule (empty = no approval), and its credential
 * profile (empty = the deploy command gets no credentials).
 */
public record Environment(String name, String requires, String policy, Optional<ApprovalRule> approval,
        Optional<CredentialProfile> credentials) {
    public Environment {
        Objects.requireNonNull(name, "name");
        requires = requires == null ? "" : requires;
        policy = policy == null ? "" : policy;
        approval = approval == null ? Optional.empty() : approval;
        credentials = credentials == null ? Optional.empty() : credentials;
    }

    /** An environment with no requirement, no approval and no credentials (what an undeclared name gets). */
    public static Environment open(String name) {
        return new Environment(name, "", "", Optional.empty(), Optional.empty());
    }

    /**
     * Which short-lived credentials the deploy command gets: the provider ({@code local} hands over the ID token
     * itself; the host maps other providers to their exchange), the token's audience and the variable it is in.
     */
    public record CredentialProfile(String provider, String audience, String variable) {
        public CredentialProfile {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(audience, "audience");
            variable = variable == null ? "" : variable;
        }

        /** The provider that hands the deploy command the ID token itself. */
        public static final String LOCAL = "local";

        /** How long a {@code local} ID token lives: the deploy command's run, not the build's. */
        public static final Duration LOCAL_TOKEN_LIFETIME = Duration.ofMinutes(5);

        public boolean isLocal() {
            return LOCAL.equals(provider);
        }

        /** The {@code local} profile's exchange: the ID token for {@code audience}, in {@code variable}. */
        public Exchange localExchange() {
            if (!isLocal()) {
                throw new IllegalStateException("provider " + provider + " is not " + LOCAL);
            }
            return new LocalExchange(audience, variable, LOCAL_TOKEN_LIFETIME);
        }
    }
}
