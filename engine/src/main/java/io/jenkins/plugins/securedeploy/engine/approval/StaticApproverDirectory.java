package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed directory of people: for the CLI (read from a membership file by {@link ApproverDirectoryReader}) and for
 * tests. User ids are exact (case-sensitive); an alias (an e-mail address) never resolves to a user here, it only
 * lets separation of duties recognise a commit author.
 */
public final class StaticApproverDirectory implements ApproverDirectory {
    private final Map<String, Membership> users;

    public StaticApproverDirectory(List<Membership> members) {
        Map<String, Membership> map = new LinkedHashMap<>();
        for (Membership m : members) {
            if (map.put(m.userId(), m) != null) {
                throw new IllegalArgumentException("user " + m.userId() + " is listed twice");
            }
        }
        this.users = Map.copyOf(map);
    }

    /** A directory of exactly these people. */
    public static StaticApproverDirectory of(Membership... members) {
        return new StaticApproverDirectory(List.of(members));
    }

    /** A member with groups (no aliases, no roles). */
    public static Membership member(String userId, String... groups) {
        return new Membership(userId, Set.of(), Set.of(groups), Set.of());
    }

    @Override
    public Optional<Membership> lookup(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public int size() {
        return users.size();
    }
}
