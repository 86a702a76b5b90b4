package io.jenkins.plugins.securedeploy.engine.host;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a person is to the host's security realm: their canonical id, other names they go by (e-mail addresses, so a
 * commit author can be recognised), the groups they are in and the roles they hold. Jenkins implements it with its
 * security realm (group authorities), the CLI with a membership file, tests in memory. The approval ledger asks it
 * for every vote, for the build's submitter and for each user id an approval rule lists; it never caches answers.
 */
public interface ApproverDirectory {
    /**
     * The membership of {@code userId}, or empty when the realm does not know the user (their vote is refused). A
     * realm that compares ids case-insensitively returns its canonical spelling in {@link Membership#userId()}, so
     * {@code Alice} and {@code alice} are one person. May throw when the realm is unreachable; the ledger then refuses
     * the vote (fail closed).
     */
    Optional<Membership> lookup(String userId);

    /** One person as the realm knows them. Group names carry no {@code group:} prefix. */
    record Membership(String userId, Set<String> aliases, Set<String> groups, Set<String> roles) {
        public Membership {
            Objects.requireNonNull(userId, "userId");
            if (userId.isBlank()) {
                throw new IllegalArgumentException("a membership needs a user id");
            }
            aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
            groups = groups == null ? Set.of() : Set.copyOf(groups);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
