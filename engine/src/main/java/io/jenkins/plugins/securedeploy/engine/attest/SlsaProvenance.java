package io.jenkins.plugins.securedeploy.engine.attest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SLSA Provenance v1 predicate ({@link #PREDICATE_TYPE}): {@code buildDefinition} (buildType, external and
 * internal parameters, resolved dependencies — the SBOM among them) and {@code runDetails} (builder id, invocation
 * id = the host's build id, start and finish times, byproducts). Parameters are plain JSON values.
 */
public record SlsaProvenance(String buildType, Map<String, Object> externalParameters,
        Map<String, Object> internalParameters, List<ResourceDescriptor> resolvedDependencies, String builderId,
        String invocationId, Instant startedOn, Instant finishedOn, List<ResourceDescriptor> byproducts) {
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";
    /** The build type the engine writes: a Secure Deploy run (Jenkins job or CLI invocation). */
    public static final String BUILD_TYPE = "https://secure-deploy.jenkins.io/buildtypes/run/v1";

    public SlsaProvenance {
        Objects.requireNonNull(buildType, "buildType");
        externalParameters = externalParameters == null ? Map.of() : Map.copyOf(externalParameters);
        internalParameters = internalParameters == null ? Map.of() : Map.copyOf(internalParameters);
        resolvedDependencies = resolvedDependencies == null ? List.of() : List.copyOf(resolvedDependencies);
        Objects.requireNonNull(builderId, "builderId");
        if (builderId.isBlank()) {
            throw new IllegalArgumentException("SLSA provenance needs runDetails.builder.id");
        }
        invocationId = invocationId == null ? "" : invocationId;
        byproducts = byproducts == null ? List.of() : List.copyOf(byproducts);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("buildType", buildType);
        def.put("externalParameters", externalParameters);
        if (!internalParameters.isEmpty()) {
            def.put("internalParameters", internalParameters);
        }
        if (!resolvedDependencies.isEmpty()) {
            def.put("resolvedDependencies", descriptors(resolvedDependencies));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (!invocationId.isEmpty()) {
            metadata.put("invocationId", invocationId);
        }
        if (startedOn != null) {
            metadata.put("startedOn", Timestamps.rfc3339(startedOn));
        }
        if (finishedOn != null) {
            metadata.put("finishedOn", Timestamps.rfc3339(finishedOn));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("builder", Map.of("id", builderId));
        if (!metadata.isEmpty()) {
            run.put("metadata", metadata);
        }
        if (!byproducts.isEmpty()) {
            run.put("byproducts", descriptors(byproducts));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("buildDefinition", def);
        out.put("runDetails", run);
        return out;
    }

    private static List<Map<String, Object>> descriptors(List<ResourceDescriptor> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        list.forEach(d -> out.add(d.toJson()));
        return out;
    }

    /** Times in statements: RFC 3339, UTC, whole seconds. */
    static final class Timestamps {
        private Timestamps() {}

        static String rfc3339(Instant t) {
            return t.truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }
}
