package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The attest service hosts call: for the given subjects, build the requested statements (SLSA provenance from the
 * build context and SBOM; scan results from a gate report) and sign each into a DSSE envelope.
 */
public final class AttestationService {
    /** Which statement to write. */
    public enum Kind { PROVENANCE, SCAN }

    /**
     * What to attest. {@code sbom} becomes a resolved dependency and byproduct of the provenance; {@code gateReport}
     * (gate-report.json) is required for {@link Kind#SCAN}; {@code policy} (name + digest) is recorded in it.
     */
    public record Request(List<Subject> subjects, Set<Kind> kinds, BuildContext context, Optional<ResourceDescriptor> sbom,
            Optional<EvidenceFile> gateReport, Optional<ResourceDescriptor> policy) {
        public Request {
            subjects = List.copyOf(subjects);
            kinds = kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
            Objects.requireNonNull(context, "context");
            sbom = sbom == null ? Optional.empty() : sbom;
            gateReport = gateReport == null ? Optional.empty() : gateReport;
            policy = policy == null ? Optional.empty() : policy;
        }
    }

    private final Clock clock;

    public AttestationService(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One signed envelope (JSON bytes) per requested kind, in kind order. */
    public Map<Kind, byte[]> attest(Request request, List<? extends Signer> signers) {
        if (request.subjects().isEmpty()) {
            throw new InvalidInputException(Problem.of("attest.no-subject", "nothing to attest: give at least one "
                    + "artifact", Location.ofFile("")));
        }
        if (request.kinds().isEmpty()) {
            throw new InvalidInputException(Problem.of("attest.no-predicate", "no predicate requested (provenance or "
                    + "scan)", Location.ofFile("")));
        }
        Map<Kind, byte[]> out = new LinkedHashMap<>();
        Attestor attestor = new Attestor();
        for (Kind kind : request.kinds()) {
            out.put(kind, attestor.attestJson(statement(kind, request), signers));
        }
        return out;
    }

    Statement statement(Kind kind, Request r) {
        if (kind == Kind.PROVENANCE) {
            return new ProvenanceBuilder(r.context()).build(r.subjects(), r.sbom().orElse(null), List.of(),
                    clock.instant());
        }
        EvidenceFile report = r.gateReport().orElseThrow(() -> new InvalidInputException(Problem.of(
                "attest.gate-report-missing", "a scan statement needs the gate report (gate-report.json)",
                Location.ofFile(""))));
        ScanPredicate p = new GateReportReader().read(report.content(), report.name(), r.policy().orElse(null));
        return Statement.of(r.subjects(), ScanPredicate.PREDICATE_TYPE, p.toJson());
    }
}
