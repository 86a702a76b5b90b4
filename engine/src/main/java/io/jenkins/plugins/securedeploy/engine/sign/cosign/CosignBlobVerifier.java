package io.jenkins.plugins.securedeploy.engine.sign.cosign;

import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.Base64s;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeyAlgorithm;
import io.jenkins.plugins.securedeploy.engine.sign.keys.TrustedKey;
import io.jenkins.plugins.securedeploy.engine.sign.keys.TrustedKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Detached blob signatures as {@code cosign sign-blob --key} writes them (and {@code openssl dgst -sha256 -sign} +
 * base64): the file is the base64 of a DER ECDSA signature over the blob's SHA-256, with at most one trailing
 * newline. Verified with a trusted ECDSA public key over the streamed artifact (any size). Anything else in the file
 * — other whitespace, a second line, a non-DER signature — is an ERROR: the format is strict.
 */
public final class CosignBlobVerifier implements Verifier {
    public static final String FAMILY = "cosign";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean recognizes(EvidenceFile evidence) {
        byte[] content = evidence.content();
        if (content.length > 1024) {
            return false;
        }
        String text = body(content);
        if (text == null || !BASE64.matcher(text).matches()) {
            return false;
        }
        byte[] der = Base64s.decode(text);
        return der != null && isDerEcdsa(der);
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        return Verifications.guarded(FAMILY, request, this::check);
    }

    private VerificationResult check(VerificationRequest r) {
        if (r.trust().publicKeys().isEmpty()) {
            return Verifications.error(FAMILY, r, "trust.missing", "no trusted public key was given to verify the "
                    + "blob signature with");
        }
        byte[] content = r.evidence().content();
        if (content.length == 0) {
            return Verifications.error(FAMILY, r, "cosign.empty", "the signature file is empty");
        }
        String text = body(content);
        byte[] der = text == null || !BASE64.matcher(text).matches() ? null : Base64s.decode(text);
        if (der == null) {
            return Verifications.error(FAMILY, r, "cosign.base64", "the signature file is not one line of base64 "
                    + "(cosign sign-blob output, optionally with one trailing newline)");
        }
        if (!isDerEcdsa(der)) {
            return Verifications.error(FAMILY, r, "cosign.not-der", "the signature is not a DER-encoded ECDSA "
                    + "signature (truncated or another format)");
        }
        if (r.artifact().isEmpty()) {
            return Verifications.error(FAMILY, r, "artifact.missing", "a blob signature can only be verified "
                    + "against the blob; no artifact was given");
        }
        List<TrustedKey> keys = TrustedKeys.allowed(r.trust(), r.policy()).stream()
                .filter(k -> k.algorithm() == KeyAlgorithm.ECDSA_P256_SHA256
                        || k.algorithm() == KeyAlgorithm.ECDSA_P384_SHA384).toList();
        if (keys.isEmpty()) {
            return Verifications.failed(FAMILY, r, "key.not-allowed", "no trusted (and allowed) ECDSA key to verify "
                    + "a cosign blob signature with");
        }
        ArtifactSource blob = r.artifact().get();
        for (TrustedKey k : keys) {
            if (verify(k, blob, der)) {
                return VerificationResult.verified(FAMILY, r.describe(), List.of(k.keyId()), null, null,
                        r.policy().relaxations());
            }
        }
        return Verifications.failed(FAMILY, r, "cosign.signature", "the signature does not verify over "
                + blob.name() + " with any trusted key (" + keys.size() + " tried)");
    }

    private static boolean verify(TrustedKey key, ArtifactSource blob, byte[] der) {
        try (InputStream in = blob.open()) {
            return key.verify(in, der);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + blob.name(), e);
        }
    }

    /** The text without one trailing newline; null when the file has other control characters or spaces. */
    private static String body(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    /** SEQUENCE { INTEGER r, INTEGER s } with consistent lengths. */
    static boolean isDerEcdsa(byte[] der) {
        if (der.length < 8 || der[0] != 0x30) {
            return false;
        }
        int pos = 1;
        int len = der[pos++] & 0xff;
        if (len == 0x81) {
            len = der[pos++] & 0xff;
        } else if (len > 0x80) {
            return false;
        }
        if (pos + len != der.length) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (pos + 2 > der.length || der[pos] != 0x02) {
                return false;
            }
            int l = der[pos + 1] & 0xff;
            pos += 2 + l;
            if (l == 0 || l > 0x7f || pos > der.length) {
                return false;
            }
        }
        return pos == der.length;
    }
}
