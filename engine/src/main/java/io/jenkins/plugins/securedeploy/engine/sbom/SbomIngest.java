package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;

/**
 * Takes in an SBOM made by another tool (or by us) for evidence and the gate: validates it and returns its
 * {@link SbomSummary}. Fail closed: an SBOM with any problem is refused with an {@link InvalidInputException} that
 * lists every problem with its location — an invalid SBOM is never recorded as evidence.
 */
public final class SbomIngest {
    private final SbomValidator validator;

    public SbomIngest() {
        this(new SbomValidator());
    }

    public SbomIngest(SbomValidator validator) {
        this.validator = validator;
    }

    public SbomSummary ingest(Workspace workspace, String relativePath) {
        return ingest(SbomSource.ofWorkspace(workspace, relativePath));
    }

    public SbomSummary ingest(SbomSource source) {
        ValidationReport report = validator.validate(source);
        if (!report.valid()) {
            throw new InvalidInputException(report.problems());
        }
        return report.summary().orElseThrow(() -> new IllegalStateException("a valid report has a summary"));
    }
}
