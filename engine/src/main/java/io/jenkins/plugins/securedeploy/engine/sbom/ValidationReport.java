package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating one SBOM: every problem found (schema and semantic), each located, and — when the
 * document could be read at all — its summary. Valid means no problems: there are no warnings that pass.
 */
public record ValidationReport(String file, SbomFormat format, String specVersion, List<Problem> problems,
        Optional<SbomSummary> summary) {
    public ValidationReport {
        Objects.requireNonNull(file, "file");
        specVersion = specVersion == null ? "" : specVersion;
        problems = List.copyOf(problems);
        summary = summary == null ? Optional.empty() : summary;
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
