package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One signature/attestation verification as rules see it (elements of {@code verifications}, variable
 * {@code verification} in {@code scope: verification}), from {@code sign.VerificationResult}: {@code status}
 * {@code VERIFIED}/{@code FAILED}/{@code ERROR}, {@code verified} true only for VERIFIED, {@code family} ({@code dsse},
 * {@code cosign}, {@code sigstore}, {@code pgp}, {@code x509}, {@code digest}), {@code subject} what was checked,
 * {@code signers} key ids / identities, {@code digests} algorithm → hex of the bound subject, {@code reasons} why it
 * did not verify, {@code relaxations} weaker-than-default settings it was reached under.
 */
public record VerificationView(String status, boolean verified, String family, String subject, List<String> signers,
        Map<String, String> digests, List<String> reasons, List<String> relaxations) {
    public VerificationView {
        Objects.requireNonNull(status, "status");
        family = family == null ? "" : family;
        subject = subject == null ? "" : subject;
        signers = signers == null ? List.of() : List.copyOf(signers);
        digests = digests == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(digests));
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        relaxations = relaxations == null ? List.of() : List.copyOf(relaxations);
    }
}
