package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies sigstore bundles (v0.1, v0.2, v0.3; message signatures and DSSE envelopes) fully offline against a
 * supplied sigstore trusted root ({@link io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial#sigstoreTrustedRoot}):
 * the content's signature and its binding to the artifact ({@link ContentCheck}); every transparency-log entry
 * ({@link TlogEntryCheck}); RFC 3161 timestamps ({@link Rfc3161Check}); and for keyless bundles the Fulcio certificate
 * at every trusted signing time: chain to a trusted CA ({@link ChainValidator}), validity, code-signing use, an
 * allowed identity ({@link FulcioIdentity}) and embedded SCTs ({@link SctCheck}). Keyed bundles (a public-key hint)
 * are checked with the trust material's public keys. Strict by default; see {@link VerificationPolicy}.
 */
public final class SigstoreBundleVerifier implements Verifier {
    public static final String FAMILY = "sigstore";

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean recognizes(EvidenceFile evidence) {
        return BundleReader.looksLikeBundle(evidence.content());
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        String subject = request.describe();
        VerificationPolicy policy = request.policy();
        Findings findings = new Findings();
        Bundle bundle;
        try {
            bundle = BundleReader.read(request.evidence(), policy.rejectUnknownFields());
        } catch (InvalidInputException e) {
            return VerificationResult.error(FAMILY, subject, e.problems());
        }
        boolean keyless = bundle.material().keyless();
        Optional<TrustedRoot> root = Optional.empty();
        if (request.trust().sigstoreTrustedRoot().isPresent()) {
            try {
                root = Optional.of(TrustedRootReader.read(request.trust().sigstoreTrustedRoot().get()));
            } catch (InvalidInputException e) {
                return VerificationResult.error(FAMILY, subject, e.problems());
            }
        } else if (keyless || !bundle.material().tlogEntries().isEmpty()
                || !bundle.material().rfc3161Timestamps().isEmpty()) {
            // the code every family uses for missing trust material (the verifier contract)
            findings.errors(List.of(Problem.of("trust.missing", "no sigstore trusted root (trusted_root.json) was given"
                    + " to check this bundle against", bundle.at(Bundle.MATERIAL))));
            return VerificationResult.error(FAMILY, subject, findings.reasons());
        }
        Optional<Signer> signer = keyless ? certificateSigner(bundle, findings)
                : KeyedSigner.resolve(bundle, request.trust(), policy, findings);
        if (signer.isEmpty()) {
            return result(findings, subject, policy, List.of(), null, null);
        }
        Optional<DigestSet> digests = new ContentCheck(bundle, request.artifact(), policy, findings)
                .check(signer.get().key(), signer.get().role());
        List<Instant> times = new ArrayList<>();
        List<TrustedRoot.LogKey> logsWithoutTime = new ArrayList<>();
        boolean proven = false;
        if (root.isPresent()) {
            TlogEntryCheck tlog = new TlogEntryCheck(bundle, root.get(), findings, policy.requireTransparencyLog());
            for (Bundle.TlogEntry entry : bundle.material().tlogEntries()) {
                TlogEntryCheck.Outcome outcome = tlog.check(entry, signer.get().der());
                outcome.integratedTime().ifPresent(times::add);
                if (outcome.integratedTime().isEmpty()) {
                    outcome.log().ifPresent(logsWithoutTime::add);
                }
                proven |= outcome.inclusionProven();
            }
            timestamps(bundle, root.get(), findings, times);
        }
        if (keyless && policy.requireTransparencyLog() && bundle.material().tlogEntries().isEmpty()) {
            findings.fail("tlog-missing", "the bundle has no transparency-log entry (strict: keyless signatures must be"
                    + " logged)", bundle.at(Bundle.MATERIAL));
        } else if (keyless && policy.requireTransparencyLog() && !proven && findings.clean()) {
            findings.fail("tlog-inclusion", "no transparency-log entry proves inclusion", bundle.at(Bundle.MATERIAL));
        }
        for (TrustedRoot.LogKey log : logsWithoutTime) {
            for (Instant t : times) {
                if (!log.validFor().contains(t)) {
                    findings.fail("tlog-validity", "the signing time " + t + " is outside the validity of log "
                            + log.baseUrl() + " (" + log.validFor().describe() + ")", bundle.at(Bundle.MATERIAL));
                }
            }
        }
        Optional<String> identity = Optional.empty();
        if (keyless) {
            if (times.isEmpty()) {
                findings.fail("signing-time", "no trusted signing time: neither a verified signed entry timestamp nor"
                        + " a verified RFC 3161 timestamp, so the certificate cannot be checked", bundle.at(Bundle.MATERIAL));
            } else {
                identity = new CertificateCheck(bundle, root.orElseThrow(), policy, findings)
                        .check(((CertificateSigner) signer.get()).leaf(), times);
            }
        }
        List<String> signers = identity.map(List::of).orElse(List.of(signer.get().id()));
        return result(findings, subject, policy, signers, digests.orElse(null),
                times.stream().min(Instant::compareTo).orElse(null));
    }

    private static void timestamps(Bundle bundle, TrustedRoot root, Findings findings, List<Instant> times) {
        List<byte[]> tokens = bundle.material().rfc3161Timestamps();
        for (int i = 0; i < tokens.size(); i++) {
            int index = i;
            Rfc3161Check.Outcome outcome = Rfc3161Check.check(tokens.get(i), bundle.signature(),
                    root.timestampAuthorities());
            outcome.time().ifPresent(times::add);
            outcome.problem().ifPresent(p -> findings.fail("timestamp", p, bundle.at(Bundle.MATERIAL
                    + "/timestampVerificationData/rfc3161Timestamps/" + index)));
        }
    }

    private static Optional<Signer> certificateSigner(Bundle bundle, Findings findings) {
        byte[] der = bundle.material().certificates().get(0);
        try {
            X509Certificate leaf = KeyMaterial.certificate(der);
            return Optional.of(new CertificateSigner(leaf, der));
        } catch (IllegalArgumentException e) {
            findings.error("certificate", "the signing certificate does not decode",
                    bundle.at(bundle.material().certificatePointer()));
            return Optional.empty();
        }
    }

    private static VerificationResult result(Findings findings, String subject, VerificationPolicy policy,
            List<String> signers, DigestSet digests, Instant signedAt) {
        if (findings.hasErrors()) {
            return VerificationResult.error(FAMILY, subject, findings.reasons());
        }
        if (!findings.clean()) {
            return VerificationResult.failed(FAMILY, subject, findings.reasons());
        }
        return VerificationResult.verified(FAMILY, subject, signers, digests, signedAt, policy.relaxations());
    }

    /** Who signed: the key that checks the signature, its DER as logged, its id and how reasons call it. */
    interface Signer {
        PublicKey key();

        byte[] der();

        String id();

        String role();
    }

    record CertificateSigner(X509Certificate leaf, byte[] der) implements Signer {
        @Override
        public PublicKey key() {
            return leaf.getPublicKey();
        }

        @Override
        public String id() {
            return "certificate " + leaf.getSerialNumber().toString(16);
        }

        @Override
        public String role() {
            return "certificate's key";
        }
    }
}
