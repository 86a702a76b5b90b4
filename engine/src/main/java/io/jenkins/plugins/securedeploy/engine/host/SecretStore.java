package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks secrets up by id (Jenkins credentials, environment variables, files). */
public interface SecretStore {
    Optional<SecretValue> lookup(String id);

    /**
     * The secret of every id, in order. An id that finds nothing (or is blank) is reported by its position only —
     * {@code credentials #2 of 3 not found} — never by its text: an id field is exactly where a secret gets pasted by
     * mistake, so an id must never be echoed into a log. A store's own refusal is reported the same way, with its
     * message (which must not name the id either).
     *
     * @param field how the list is named in problems (e.g. {@code maskSecrets secrets})
     * @throws InvalidInputException listing every id that was not found
     */
    default List<SecretValue> requireAll(List<String> ids, String field) {
        List<SecretValue> values = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String position = "credentials #" + (i + 1) + " of " + ids.size();
            Location where = Location.ofPointer(field, "/" + i, 0, 0);
            String id = ids.get(i);
            try {
                Optional<SecretValue> value = id == null || id.isBlank() ? Optional.empty() : lookup(id);
                if (value.isPresent()) {
                    values.add(value.get());
                } else {
                    problems.add(Problem.of("secret.not-found", position + " not found (no secret with that id is "
                            + "available here; the id itself is not shown, in case it is a secret)", where));
                }
            } catch (SecureDeployException e) {
                problems.add(Problem.of("secret.refused", position + ": " + e.getMessage(), where));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(values);
    }
}
