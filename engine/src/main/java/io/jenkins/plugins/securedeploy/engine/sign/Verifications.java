package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What every verifier family shares: the never-throw guard (bad input becomes a located ERROR, an unexpected
 * exception an ERROR naming its type — never a pass, never a stack trace with input in it), located problems, and
 * streamed hashing of the artifact (heap independent of its size).
 */
public final class Verifications {
    private Verifications() {}

    /**
     * Runs {@code body}; an {@link InvalidInputException} becomes ERROR with its problems, an I/O failure reading the
     * artifact ERROR naming it, any other exception ERROR naming its type only (its message might quote input).
     */
    public static VerificationResult guarded(String family, VerificationRequest request,
            Function<VerificationRequest, VerificationResult> body) {
        String subject = request.describe();
        try {
            return body.apply(request);
        } catch (InvalidInputException e) {
            return VerificationResult.error(family, subject, e.problems().isEmpty()
                    ? List.of(problem(request, family + ".invalid", "input is not valid")) : e.problems());
        } catch (UncheckedIOException e) {
            return VerificationResult.error(family, subject, List.of(Problem.of("artifact.unreadable",
                    "cannot read the artifact: " + IoReason.of(e.getCause()),
                    Location.ofFile(request.artifact().map(ArtifactSource::name).orElse(subject)))));
        } catch (RuntimeException e) {
            return VerificationResult.error(family, subject, List.of(problem(request, family + ".internal",
                    "verification could not complete (" + e.getClass().getSimpleName() + "); not verified")));
        }
    }

    /** A problem located at the evidence file. */
    public static Problem problem(VerificationRequest request, String code, String message) {
        return Problem.of(code, message, Location.ofFile(request.evidence().name()));
    }

    public static VerificationResult failed(String family, VerificationRequest request, String code, String message) {
        return VerificationResult.failed(family, request.describe(), List.of(problem(request, code, message)));
    }

    public static VerificationResult error(String family, VerificationRequest request, String code, String message) {
        return VerificationResult.error(family, request.describe(), List.of(problem(request, code, message)));
    }

    /** The artifact's digests under {@code algorithms}, streamed once. */
    public static DigestSet hash(ArtifactSource artifact, Set<DigestAlgorithm> algorithms) {
        try (InputStream in = artifact.open()) {
            return Hashing.stream(in, algorithms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + artifact.name(), e);
        }
    }

    /** The ERROR a family returns when the policy requires the artifact and none was given. */
    public static VerificationResult artifactMissing(String family, VerificationRequest request) {
        return error(family, request, "artifact.missing", "no artifact was given, and the policy requires the "
                + "evidence to be checked against it (relax with 'without artifact' to check the evidence alone)");
    }
}
