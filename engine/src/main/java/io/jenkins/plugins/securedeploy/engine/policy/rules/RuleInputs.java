package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomComponent;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Maps the engine's own types to the rule input model ({@link RuleInput} and its views). */
public final class RuleInputs {
    private RuleInputs() {}

    /**
     * The input for one gate run. {@code baselined} are the fingerprints of the baseline (a finding not in it is
     * {@code fresh}); a finding's {@code firstSeen} is {@code context.firstSeen()}'s entry or {@code now}.
     */
    public static RuleInput of(List<Finding> findings, Set<String> baselined, List<SbomSummary> sboms,
            RuleContext context, Instant now) {
        List<FindingView> views = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            views.add(finding(f, !baselined.contains(f.fingerprint()),
                    context.firstSeen().getOrDefault(f.fingerprint(), now), now));
        }
        List<ComponentView> components = new ArrayList<>();
        for (SbomSummary s : sboms) {
            for (SbomComponent c : s.components()) {
                components.add(component(c, s.file()));
            }
        }
        List<VerificationView> verifications = context.verifications().stream().map(RuleInputs::verification)
                .toList();
        return new RuleInput(context.environment(), context.artifact(), views, components, verifications,
                context.provenance(), now);
    }

    public static FindingView finding(Finding f, boolean fresh, Instant firstSeen, Instant now) {
        PackageView pkg = f.packageRef().map(p -> new PackageView(p.name(), p.version(), p.fixedVersion(), p.purl()))
                .orElse(PackageView.NONE);
        Instant seen = firstSeen.isAfter(now) ? now : firstSeen;
        return new FindingView(f.tool(), f.ruleId(), f.title(), f.severity().name(), f.hasScore() ? f.score() : 0,
                f.hasScore(), f.category().name(), f.ids(), pkg, f.location().file(), f.location().line(),
                f.fingerprint(), f.fixable(), fresh, seen, Duration.between(seen, now).toDays());
    }

    public static ComponentView component(SbomComponent c, String sbomFile) {
        return new ComponentView(c.qualifiedName(), c.group(), c.version(), c.purl(), c.ecosystem(), c.licenses(),
                c.hashes(), c.scope(), c.development(), sbomFile);
    }

    public static VerificationView verification(VerificationResult r) {
        Map<String, String> digests = new TreeMap<>();
        r.subjectDigests().ifPresent(set -> set.digests().values()
                .forEach((Digest d) -> digests.put(d.algorithm().id(), d.hex())));
        return new VerificationView(r.status().name(), r.isVerified(), r.family(), r.subject(), r.signers(), digests,
                r.reasons().stream().map(Problem::describe).toList(), r.relaxations());
    }

    /** The package of a finding view, for violations about it (waivers by package then apply). */
    static PackageRef pkg(FindingView f) {
        return f.pkg().name().isEmpty() ? null
                : new PackageRef(f.pkg().name(), f.pkg().version(), f.pkg().fixedVersion(), f.pkg().purl());
    }

    static PackageRef pkg(ComponentView c) {
        return new PackageRef(c.name(), c.version(), "", c.purl());
    }
}
