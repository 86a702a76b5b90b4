package io.jenkins.plugins.securedeploy.engine.sign.pgp;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.RedactedCause;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * OpenPGP detached signatures ({@code gpg --detach-sign}, armored or binary) over the streamed artifact, checked
 * with Bouncy Castle against a keyring. Strict: the signing key (primary or a subkey bound by a verified binding
 * signature) must be in the keyring, not revoked (by a verified revocation signature), not expired now, and valid
 * when the signature was made; MD5/SHA-1/RIPEMD-160 signatures and text-mode signatures are refused; every
 * signature in the file must verify.
 */
public final class PgpVerifier implements Verifier {
    public static final String FAMILY = "pgp";
    private static final String ARMOR = "-----BEGIN PGP SIGNATURE-----";

    private final Clock clock;

    public PgpVerifier() {
        this(Clock.systemUTC());
    }

    /** With the clock that decides whether a key has expired "now" (tests pin it). */
    public PgpVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean recognizes(EvidenceFile evidence) {
        byte[] c = evidence.content();
        if (c.length == 0) {
            return false;
        }
        String head = new String(c, 0, Math.min(c.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        int tag = c[0] & 0xff;
        return head.startsWith(ARMOR) || (tag & 0xfc) == 0x88 || tag == 0xc2;
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        return Verifications.guarded(FAMILY, request, this::check);
    }

    private VerificationResult check(VerificationRequest r) {
        if (r.trust().keyrings().isEmpty()) {
            return Verifications.error(FAMILY, r, "trust.missing", "no OpenPGP keyring was given to verify with");
        }
        if (r.policy().rejectUnknownFields() && !onlyArmorOrBinary(r.evidence().content())) {
            return Verifications.error(FAMILY, r, "pgp.trailing-data", "the signature file holds data outside the "
                    + "armored signature block (strict policy refuses it)");
        }
        List<PGPSignature> signatures = signatures(r.evidence());
        PgpKeyring keyring = PgpKeyring.read(r.trust().keyrings());
        if (keyring.isEmpty()) {
            return Verifications.error(FAMILY, r, "trust.empty", "the keyring holds no public key");
        }
        if (r.artifact().isEmpty()) {
            return Verifications.error(FAMILY, r, "artifact.missing", "a detached signature can only be verified "
                    + "against the signed file; no artifact was given");
        }
        Set<String> signers = new LinkedHashSet<>();
        List<Problem> failures = new ArrayList<>();
        Instant signedAt = null;
        for (int i = 0; i < signatures.size(); i++) {
            PGPSignature sig = signatures.get(i);
            String why = checkOne(r, keyring, sig);
            if (why == null) {
                signers.add(fingerprintOf(keyring, sig));
                signedAt = sig.getCreationTime().toInstant();
            } else {
                failures.add(Problem.of("pgp.signature", (signatures.size() > 1 ? "signature " + i + ": " : "") + why,
                        Location.ofFile(r.evidence().name())));
            }
        }
        if (signers.isEmpty() || (r.policy().requireAllSignatures() && !failures.isEmpty())) {
            return VerificationResult.failed(FAMILY, r.describe(), failures);
        }
        return VerificationResult.verified(FAMILY, r.describe(), List.copyOf(signers), null, signedAt,
                r.policy().relaxations());
    }

    /** Null when the signature holds, else why not. */
    private String checkOne(VerificationRequest r, PgpKeyring keyring, PGPSignature sig) {
        String keyName = keyName(sig);
        byte[] fpr = issuerFingerprint(sig);
        PGPPublicKeyRing ring = fpr != null ? keyring.ringOf(fpr) : keyring.ringOf(sig.getKeyID());
        if (ring == null) {
            return "made by key " + keyName + ", which is not in the keyring";
        }
        PGPPublicKey key = PgpKeyring.key(ring, sig.getKeyID(), fpr);
        int hash = sig.getHashAlgorithm();
        if (hash == HashAlgorithmTags.MD5 || hash == HashAlgorithmTags.SHA1 || hash == HashAlgorithmTags.RIPEMD160) {
            return "uses a weak hash algorithm (" + hash + "); SHA-256 or stronger is required";
        }
        if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            return "is not a binary document signature (type " + sig.getSignatureType() + "); sign with gpg "
                    + "--detach-sign";
        }
        String keyProblem = new PgpKeyValidity(ring, key, keyName).problemAt(sig.getCreationTime().toInstant(),
                clock.instant());
        if (keyProblem != null) {
            return keyProblem;
        }
        try (InputStream in = r.artifact().get().open()) {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sig.update(buffer, 0, n);
            }
            return sig.verify() ? null : "does not verify over " + r.artifact().get().name() + " with key " + keyName;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the artifact", e);
        } catch (PGPException e) {
            return "cannot be checked with key " + keyName + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Binary packets, or exactly one armored block with nothing but whitespace around it. */
    static boolean onlyArmorOrBinary(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf(ARMOR);
        if (begin < 0) {
            return true;
        }
        String end = "-----END PGP SIGNATURE-----";
        int stop = text.indexOf(end);
        return stop > begin && text.substring(0, begin).isBlank() && text.substring(stop + end.length()).isBlank()
                && text.indexOf(ARMOR, begin + 1) < 0;
    }

    private static List<PGPSignature> signatures(EvidenceFile evidence) {
        byte[] c = evidence.content();
        if (c.length == 0) {
            throw invalid(evidence, "the signature file is empty", null);
        }
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(c))) {
            PGPObjectFactory f = new PGPObjectFactory(in, new BcKeyFingerprintCalculator());
            Object o = f.nextObject();
            if (o instanceof PGPCompressedData cd) {
                o = new PGPObjectFactory(cd.getDataStream(), new BcKeyFingerprintCalculator()).nextObject();
            }
            if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
                throw invalid(evidence, "holds no OpenPGP signature packet", null);
            }
            List<PGPSignature> out = new ArrayList<>();
            list.forEach(out::add);
            if (f.nextObject() != null) {
                throw invalid(evidence, "holds more OpenPGP packets after the signature", null);
            }
            return out;
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw invalid(evidence, "is not a readable OpenPGP signature (truncated or corrupt)", e);
        }
    }

    private static InvalidInputException invalid(EvidenceFile evidence, String what, Throwable cause) {
        Problem p = Problem.of("pgp.unreadable", what, Location.ofFile(evidence.name()));
        return cause == null ? new InvalidInputException(p)
                : new InvalidInputException(p, RedactedCause.of(cause, "(OpenPGP library message redacted)"));
    }

    static byte[] issuerFingerprint(PGPSignature sig) {
        if (sig.getHashedSubPackets() != null && sig.getHashedSubPackets().getIssuerFingerprint() != null) {
            return sig.getHashedSubPackets().getIssuerFingerprint().getFingerprint();
        }
        if (sig.getUnhashedSubPackets() != null && sig.getUnhashedSubPackets().getIssuerFingerprint() != null) {
            return sig.getUnhashedSubPackets().getIssuerFingerprint().getFingerprint();
        }
        return null;
    }

    private static String keyName(PGPSignature sig) {
        byte[] fpr = issuerFingerprint(sig);
        return fpr != null ? HexFormat.of().withUpperCase().formatHex(fpr)
                : String.format(java.util.Locale.ROOT, "%016X", sig.getKeyID());
    }

    private static String fingerprintOf(PgpKeyring keyring, PGPSignature sig) {
        byte[] fpr = issuerFingerprint(sig);
        PGPPublicKeyRing ring = fpr != null ? keyring.ringOf(fpr) : keyring.ringOf(sig.getKeyID());
        return HexFormat.of().withUpperCase().formatHex(PgpKeyring.key(ring, sig.getKeyID(), fpr).getFingerprint());
    }
}
