package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a SLSA Provenance v1 statement for a run from what the host knows ({@link BuildContext}: job, run id and
 * URL, commit, builder id, start time): {@code builder.id} = the builder id, {@code invocationId} = the run id,
 * {@code externalParameters} = job and commit, the SBOM (if any) as a resolved dependency
 * and as a byproduct link.
 */
public final class ProvenanceBuilder {
    private final BuildContext context;

    public ProvenanceBuilder(BuildContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public Statement build(List<Subject> subjects, ResourceDescriptor sbom, List<ResourceDescriptor> materials,
            Instant finishedOn) {
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("job", context.jobName());
        if (!context.commit().isEmpty()) {
            external.put("commit", context.commit());
        }
        Map<String, Object> internal = new LinkedHashMap<>();
        internal.put("runId", context.runId());
        if (!context.runUrl().isEmpty()) {
            internal.put("runUrl", context.runUrl());
        }
        List<ResourceDescriptor> deps = new ArrayList<>(materials == null ? List.of() : materials);
        List<ResourceDescriptor> byproducts = new ArrayList<>();
        if (sbom != null) {
            deps.add(sbom);
            byproducts.add(sbom);
        }
        String invocation = context.runId();
        SlsaProvenance p = new SlsaProvenance(SlsaProvenance.BUILD_TYPE, external, internal, deps,
                context.builderId(), invocation, context.startedAt(), finishedOn, byproducts);
        return Statement.of(subjects, SlsaProvenance.PREDICATE_TYPE, p.toJson());
    }
}
