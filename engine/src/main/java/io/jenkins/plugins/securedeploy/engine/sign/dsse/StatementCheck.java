package io.jenkins.plugins.securedeploy.engine.sign.dsse;

import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.StatementReader;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The statement half of a DSSE verification: payload type, predicate type, subject against artifact and pins. */
final class StatementCheck {
    private StatementCheck() {}

    static VerificationResult check(VerificationRequest r, DsseEnvelope envelope, List<String> signers) {
        String family = DsseVerifier.FAMILY;
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            return Verifications.failed(family, r, "dsse.payload-type", "payloadType is not "
                    + Statement.PAYLOAD_TYPE + ", so the envelope binds no subject the artifact can be checked against");
        }
        Statement statement = new StatementReader().read(envelope.payload(), r.evidence().name() + " (payload)",
                r.policy().rejectUnknownFields());
        Optional<String> expectedType = r.policy().expectedPredicateType();
        if (expectedType.isPresent() && !expectedType.get().equals(statement.predicateType())) {
            return Verifications.failed(family, r, "statement.predicate-type", "predicateType "
                    + statement.predicateType() + " is not the expected " + expectedType.get());
        }
        DigestSet bound = null;
        if (r.artifact().isPresent()) {
            Set<DigestAlgorithm> algorithms = EnumSet.noneOf(DigestAlgorithm.class);
            statement.subjects().forEach(s -> s.knownDigests().ifPresent(d -> algorithms.addAll(d.digests().keySet())));
            if (algorithms.isEmpty()) {
                return Verifications.failed(family, r, "statement.subject-digest", "no subject has a sha256 or "
                        + "sha512 digest, so the artifact cannot be matched");
            }
            DigestSet actual = Verifications.hash(r.artifact().get(), algorithms);
            Optional<Subject> match = statement.subjectMatching(actual);
            if (match.isEmpty()) {
                return Verifications.failed(family, r, "statement.subject-mismatch", "artifact "
                        + r.artifact().get().name() + " (" + actual.digests().values().iterator().next()
                        + ") is not a subject of the statement (" + statement.subjects().size() + " subject(s))");
            }
            bound = match.get().knownDigests().orElseThrow();
        } else if (r.policy().requireArtifact()) {
            return Verifications.artifactMissing(family, r);
        }
        if (r.policy().expectedDigests().isPresent()) {
            DigestSet expected = r.policy().expectedDigests().get();
            Optional<Subject> pinned = statement.subjectMatching(expected);
            if (pinned.isEmpty() || (bound != null && !bound.matches(expected))) {
                return Verifications.failed(family, r, "statement.digest-not-expected", "no subject has the "
                        + "expected digest " + expected.digests().values().iterator().next());
            }
            bound = bound == null ? pinned.get().knownDigests().orElseThrow() : bound;
        }
        return VerificationResult.verified(family, r.describe(), signers, bound, null, r.policy().relaxations());
    }
}
