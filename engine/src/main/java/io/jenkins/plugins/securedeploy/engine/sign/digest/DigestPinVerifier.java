package io.jenkins.plugins.securedeploy.engine.sign.digest;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digest pinning: the artifact's digest (streamed) must equal the one recorded at build time. The evidence is one
 * line: {@code sha256:<hex>}, {@code sha512:<hex>}, bare hex (64 = sha256, 128 = sha512) or a {@code sha256sum}
 * line ({@code <hex>  name}), with at most one trailing newline. Comparison is constant-time. A digest binds content
 * but proves nothing about who produced it; it needs no trust material.
 */
public final class DigestPinVerifier implements Verifier {
    public static final String FAMILY = "digest";
    private static final Pattern PIN = Pattern.compile(
            "(?:(sha256|sha512):)?([0-9a-fA-F]{64}|[0-9a-fA-F]{128})(?:[ \\t]+\\*?[^\\r\\n]+)?\\r?\\n?");

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public boolean recognizes(EvidenceFile evidence) {
        byte[] c = evidence.content();
        return c.length <= 4096 && PIN.matcher(new String(c, StandardCharsets.US_ASCII)).matches();
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        return Verifications.guarded(FAMILY, request, this::check);
    }

    private VerificationResult check(VerificationRequest r) {
        byte[] content = r.evidence().content();
        Matcher m = PIN.matcher(new String(content, StandardCharsets.US_ASCII));
        if (content.length == 0 || content.length > 4096 || !m.matches()) {
            return Verifications.error(FAMILY, r, "digest.malformed", "the file is not a recorded digest "
                    + "(sha256:<64 hex>, sha512:<128 hex>, bare hex or a sha256sum line)");
        }
        String hex = m.group(2);
        DigestAlgorithm algorithm = m.group(1) != null ? DigestAlgorithm.parse(m.group(1)).orElseThrow()
                : hex.length() == 64 ? DigestAlgorithm.SHA256 : DigestAlgorithm.SHA512;
        if (hex.length() != algorithm.hexLength()) {
            return Verifications.error(FAMILY, r, "digest.malformed", "a " + algorithm.id() + " digest has "
                    + algorithm.hexLength() + " hex characters");
        }
        Digest pinned = new Digest(algorithm, hex);
        if (r.artifact().isEmpty()) {
            return Verifications.error(FAMILY, r, "artifact.missing", "a digest pin can only be checked against the "
                    + "artifact; none was given");
        }
        DigestSet actual = Verifications.hash(r.artifact().get(), Set.of(algorithm));
        Digest got = actual.get(algorithm).orElseThrow();
        if (!got.matches(pinned)) {
            return Verifications.failed(FAMILY, r, "digest.mismatch", "artifact " + r.artifact().get().name()
                    + " has " + got + ", not the recorded " + pinned);
        }
        if (r.policy().expectedDigests().isPresent() && !actual.matches(r.policy().expectedDigests().get())) {
            return Verifications.failed(FAMILY, r, "digest.not-expected", "artifact " + r.artifact().get().name()
                    + " does not have the digest the policy expects");
        }
        return VerificationResult.verified(FAMILY, r.describe(), List.of("pinned " + pinned), DigestSet.of(got), null,
                r.policy().relaxations());
    }
}
