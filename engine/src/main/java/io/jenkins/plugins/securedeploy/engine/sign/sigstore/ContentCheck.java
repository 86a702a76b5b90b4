package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Checks a bundle's content: the signature (over the artifact's digest for a message signature, over the DSSE PAE for
 * an envelope) with the signer's key, and what binds the content to the artifact: the artifact itself (streamed,
 * hashed once), or the policy's expected digests when the artifact is not at hand, must equal the message digest or
 * be a subject of the in-toto statement. Without either, strict policy fails (nothing is bound).
 */
final class ContentCheck {
    private final Bundle bundle;
    private final Optional<ArtifactSource> artifact;
    private final VerificationPolicy policy;
    private final Findings findings;

    ContentCheck(Bundle bundle, Optional<ArtifactSource> artifact, VerificationPolicy policy, Findings findings) {
        this.bundle = bundle;
        this.artifact = artifact;
        this.policy = policy;
        this.findings = findings;
    }

    /** The digests the content binds (the matched subject, or the message digest), when readable. */
    Optional<DigestSet> check(PublicKey key, String keyRole) {
        return bundle.messageSignature().isPresent() ? message(bundle.messageSignature().get(), key, keyRole)
                : dsse(bundle.dsse().orElseThrow(), key, keyRole);
    }

    private Optional<DigestSet> message(Bundle.MessageSignature m, PublicKey key, String keyRole) {
        String at = "/messageSignature/messageDigest";
        Optional<DigestAlgorithm> alg = DigestAlgorithm.parse(RekorBodyReader.algorithm(m.digestAlgorithm()));
        if (alg.isEmpty()) {
            findings.error("digest-algorithm", "unsupported message digest algorithm (SHA2_256 and SHA2_512 are)",
                    bundle.at(at + "/algorithm"));
            return Optional.empty();
        }
        Digest signed;
        try {
            signed = Digest.of(alg.get(), m.digest());
        } catch (IllegalArgumentException e) {
            findings.error("malformed", "the digest has the wrong length for " + alg.get().id(),
                    bundle.at(at + "/digest"));
            return Optional.empty();
        }
        if (policy.expectedPredicateType().isPresent()) {
            findings.fail("predicate-type", "the policy expects predicate type " + policy.expectedPredicateType().get()
                    + " but a message signature carries no statement", bundle.at("/messageSignature"));
        }
        DigestSet bound = DigestSet.of(signed);
        Optional<DigestSet> actual = artifactDigests(EnumSet.of(alg.get()));
        if (actual.isPresent() && !actual.get().matches(bound)) {
            findings.fail("artifact-digest", "the artifact's " + alg.get().id() + " (" + actual.get().get(alg.get())
                    .orElseThrow() + ") is not the bundle's message digest", bundle.at(at + "/digest"));
        }
        expected(bound, at + "/digest", "the bundle's message digest");
        if (!Signatures.supportsPrehashed(key)) {
            findings.error("key-type", "a " + key.getAlgorithm() + " " + keyRole + " cannot be checked over a digest",
                    bundle.at("/messageSignature/signature"));
        } else if (!Signatures.verifyPrehashed(key, alg.get() == DigestAlgorithm.SHA512 ? "SHA-512" : "SHA-256",
                signed.bytes(), m.signature())) {
            findings.fail("signature", "the signature does not verify over the message digest with the " + keyRole,
                    bundle.at("/messageSignature/signature"));
        }
        return Optional.of(bound);
    }

    private Optional<DigestSet> dsse(DsseEnvelope envelope, PublicKey key, String keyRole) {
        if (!Signatures.verify(key, envelope.pae(), envelope.signatures().get(0).sig())) {
            findings.fail("signature", "the DSSE signature does not verify over the PAE of payloadType and payload"
                    + " with the " + keyRole, bundle.at("/dsseEnvelope/signatures/0/sig"));
        }
        if (!StatementReader.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            if (binding() || policy.expectedPredicateType().isPresent()) {
                findings.fail("payload-type", "payloadType is not " + StatementReader.IN_TOTO_PAYLOAD_TYPE
                        + ", so no in-toto subject binds the artifact", bundle.at("/dsseEnvelope/payloadType"));
            }
            return Optional.empty();
        }
        StatementReader.Statement statement;
        try {
            statement = StatementReader.read(envelope.payload(), bundle.file() + " (DSSE payload)");
        } catch (InvalidInputException e) {
            findings.errors(e.problems());
            return Optional.empty();
        }
        if (policy.expectedPredicateType().isPresent()
                && !policy.expectedPredicateType().get().equals(statement.predicateType())) {
            findings.fail("predicate-type", "the statement's predicate type is not the expected "
                    + policy.expectedPredicateType().get(), bundle.at("/dsseEnvelope/payload"));
        }
        Optional<DigestSet> actual = artifactDigests(EnumSet.allOf(DigestAlgorithm.class));
        Optional<DigestSet> matched = Optional.empty();
        if (actual.isPresent()) {
            matched = subject(statement, actual.get());
            if (matched.isEmpty()) {
                findings.fail("subject", "the artifact's digest is not among the statement's "
                        + statement.subjects().size() + " subject(s)", bundle.at("/dsseEnvelope/payload"));
            }
        }
        if (policy.expectedDigests().isPresent()) {
            Optional<DigestSet> byExpected = subject(statement, policy.expectedDigests().get());
            if (byExpected.isEmpty()) {
                findings.fail("expected-digest", "the expected digest is not among the statement's subjects",
                        bundle.at("/dsseEnvelope/payload"));
            }
            matched = matched.or(() -> byExpected);
        }
        unbound(actual.isPresent(), "/dsseEnvelope/payload");
        return matched.or(() -> statement.subjects().stream().flatMap(s -> s.digests().stream()).findFirst());
    }

    private static Optional<DigestSet> subject(StatementReader.Statement statement, DigestSet digests) {
        return statement.subjects().stream().flatMap(s -> s.digests().stream()).filter(d -> d.matches(digests))
                .findFirst();
    }

    private void expected(DigestSet bound, String at, String what) {
        if (policy.expectedDigests().isPresent() && !policy.expectedDigests().get().matches(bound)) {
            findings.fail("expected-digest", "the expected digest is not " + what, bundle.at(at));
        }
        unbound(artifact.isPresent(), at);
    }

    private void unbound(boolean hashedArtifact, String at) {
        if (policy.requireArtifact() && !hashedArtifact && policy.expectedDigests().isEmpty()) {
            findings.fail("artifact-missing", "neither the artifact nor an expected digest was given, so nothing binds"
                    + " the signature to an artifact (strict; relax with withoutArtifact)", bundle.at(at));
        }
    }

    private boolean binding() {
        return artifact.isPresent() || policy.expectedDigests().isPresent() || policy.requireArtifact();
    }

    private Optional<DigestSet> artifactDigests(EnumSet<DigestAlgorithm> algorithms) {
        if (artifact.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = artifact.get().open()) {
            return Optional.of(Hashing.stream(in, algorithms));
        } catch (IOException e) {
            findings.error("artifact-unreadable", "the artifact cannot be read: "
                    + io.jenkins.plugins.securedeploy.engine.core.IoReason.of(e),
                    io.jenkins.plugins.securedeploy.engine.core.Location.ofFile(artifact.get().name()));
            return Optional.empty();
        }
    }
}
