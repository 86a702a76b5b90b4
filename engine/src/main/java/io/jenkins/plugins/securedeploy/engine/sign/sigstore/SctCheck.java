package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * Embedded Signed Certificate Timestamps (RFC 6962 §3): each SCT in the leaf's extension 1.3.6.1.4.1.11129.2.4.2 from
 * a CT log of the trusted root is checked over the precertificate entry (the leaf's TBSCertificate without the SCT
 * list, bound to the issuer's key hash) with the log's key, and its time must lie in the log key's validity. SCTs of
 * logs the trusted root does not list are ignored; an SCT of a trusted log that does not verify is a failure.
 */
final class SctCheck {
    static final String OID_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";

    /** How many SCTs verified, and what was wrong with the others. */
    record Outcome(int verified, List<String> problems) {}

    private SctCheck() {}

    static Outcome check(X509Certificate leaf, X509Certificate issuer, TrustedRoot root) {
        byte[] wrapped = leaf.getExtensionValue(OID_SCT_LIST);
        if (wrapped == null) {
            return new Outcome(0, List.of("the certificate carries no signed certificate timestamp (SCT)"));
        }
        List<String> problems = new ArrayList<>();
        int verified = 0;
        try {
            ByteBuffer list = ByteBuffer.wrap(ASN1OctetString.getInstance(
                    ASN1OctetString.getInstance(wrapped).getOctets()).getOctets());
            int total = u16(list);
            if (total != list.remaining()) {
                return new Outcome(0, List.of("the SCT list's length does not match its content"));
            }
            byte[] tbs = precertificateTbs(leaf);
            byte[] issuerKeyHash = Hashing.sha256(issuer.getPublicKey().getEncoded()).bytes();
            int index = 0;
            while (list.hasRemaining()) {
                ByteBuffer sct = slice(list, u16(list));
                Optional<String> problem = checkOne(sct, tbs, issuerKeyHash, root);
                if (problem.isEmpty()) {
                    verified++;
                } else if (!problem.get().isEmpty()) {
                    problems.add("SCT " + index + ": " + problem.get());
                }
                index++;
            }
        } catch (RuntimeException | IOException | CertificateEncodingException e) {
            return new Outcome(0, List.of("the certificate's SCT list does not decode"));
        }
        return new Outcome(verified, List.copyOf(problems));
    }

    /** Empty: verified; an empty message: from a log the trusted root does not list (ignored). */
    private static Optional<String> checkOne(ByteBuffer sct, byte[] tbs, byte[] issuerKeyHash, TrustedRoot root)
            throws IOException {
        int version = sct.get();
        byte[] logId = new byte[32];
        sct.get(logId);
        long timestamp = sct.getLong();
        byte[] extensions = bytes(sct, u16(sct));
        int hashAlg = sct.get();
        int sigAlg = sct.get();
        byte[] signature = bytes(sct, u16(sct));
        Optional<TrustedRoot.LogKey> log = root.ctlog(logId);
        if (log.isEmpty()) {
            return Optional.of("");
        }
        if (version != 0) {
            return Optional.of("unsupported SCT version " + version);
        }
        Instant at = Instant.ofEpochMilli(timestamp);
        if (!log.get().validFor().contains(at)) {
            return Optional.of("made at " + at + ", outside the CT log key's validity " + log.get().validFor().describe());
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0); // sct_version v1
        signed.write(0); // signature_type certificate_timestamp
        signed.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        signed.write(0);
        signed.write(1); // entry_type precert_entry
        signed.writeBytes(issuerKeyHash);
        signed.write((tbs.length >>> 16) & 0xff);
        signed.write((tbs.length >>> 8) & 0xff);
        signed.write(tbs.length & 0xff);
        signed.writeBytes(tbs);
        signed.write((extensions.length >>> 8) & 0xff);
        signed.write(extensions.length & 0xff);
        signed.writeBytes(extensions);
        String algorithm = hashAlg != 4 ? null : sigAlg == 3 ? "SHA256withECDSA" : sigAlg == 1 ? "SHA256withRSA" : null;
        if (algorithm == null) {
            return Optional.of("unsupported SCT signature algorithm " + hashAlg + "/" + sigAlg);
        }
        return Signatures.verify(algorithm, log.get().key(), signed.toByteArray(), signature) ? Optional.empty()
                : Optional.of("the signature of the CT log does not verify over the precertificate");
    }

    /** The leaf's TBSCertificate re-encoded without the SCT list extension: what the CT log signed. */
    static byte[] precertificateTbs(X509Certificate leaf) throws IOException, CertificateEncodingException {
        ASN1Sequence tbs = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(leaf.getTBSCertificate()));
        ASN1EncodableVector out = new ASN1EncodableVector();
        for (ASN1Encodable element : tbs) {
            if (element instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
                Extensions extensions = Extensions.getInstance(tagged.getExplicitBaseObject());
                List<Extension> kept = new ArrayList<>();
                for (var oid : extensions.getExtensionOIDs()) {
                    if (!OID_SCT_LIST.equals(oid.getId())) {
                        kept.add(extensions.getExtension(oid));
                    }
                }
                out.add(new DERTaggedObject(true, 3, new Extensions(kept.toArray(Extension[]::new))));
            } else {
                out.add(element);
            }
        }
        return new DERSequence(out).getEncoded(ASN1Encoding.DER);
    }

    private static int u16(ByteBuffer b) {
        return b.getShort() & 0xffff;
    }

    private static ByteBuffer slice(ByteBuffer b, int length) {
        ByteBuffer s = b.slice();
        s.limit(length);
        b.position(b.position() + length);
        return s;
    }

    private static byte[] bytes(ByteBuffer b, int length) {
        byte[] out = new byte[length];
        b.get(out);
        return Arrays.copyOf(out, length);
    }
}
