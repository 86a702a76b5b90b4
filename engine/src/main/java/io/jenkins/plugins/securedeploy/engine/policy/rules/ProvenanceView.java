package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A provenance statement (SLSA v1 style) as rules see it (elements of {@code provenance}): {@code verified} is true
 * only when its signature verified (an unsigned or unverified statement is listed with false), {@code builder.id}
 * the builder that produced it, {@code buildType}, {@code source} the repository it was built from, {@code subjects}
 * the artifacts it names with their digests.
 */
public record ProvenanceView(boolean verified, Builder builder, String buildType, Source source,
        List<Artifact> subjects) {
    public ProvenanceView {
        builder = builder == null ? new Builder("") : builder;
        buildType = buildType == null ? "" : buildType;
        source = source == null ? new Source("", "", "") : source;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** {@code runDetails.builder} of SLSA v1. */
    public record Builder(String id) {
        public Builder {
            id = id == null ? "" : id;
        }
    }

    /** The source repository ({@code repo}, e.g. {@code git+https://github.com/org/app}), ref and commit. */
    public record Source(String repo, String ref, String commit) {
        public Source {
            repo = repo == null ? "" : repo;
            ref = ref == null ? "" : ref;
            commit = commit == null ? "" : commit;
        }
    }

    /** An in-toto subject: name and digests (algorithm → hex). */
    public record Artifact(String name, Map<String, String> digest) {
        public Artifact {
            Objects.requireNonNull(name, "name");
            digest = digest == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(digest));
        }
    }
}
