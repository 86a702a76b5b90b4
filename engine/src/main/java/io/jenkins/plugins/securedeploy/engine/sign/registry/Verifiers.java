package io.jenkins.plugins.securedeploy.engine.sign.registry;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import io.jenkins.plugins.securedeploy.engine.sign.cosign.CosignBlobVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.digest.DigestPinVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.pgp.PgpVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.sigstore.SigstoreBundleVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.x509.X509ChainVerifier;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every verifier family, by name, and auto-detection of evidence. The families never import this class or each
 * other (design.puml); only this registry lists them. Detection refuses ambiguity: evidence that no family or two
 * families recognise is a problem, and the caller must name the family ({@code --type}).
 */
public final class Verifiers {
    /** The registered families. Adding one is one line here . */
    static List<Verifier> defaultVerifiers(Clock clock) {
        return List.of(
                // one line per family, keep sorted by family name
                new CosignBlobVerifier(),
                new DigestPinVerifier(),
                new DsseVerifier(),
                new PgpVerifier(clock),
                new SigstoreBundleVerifier(),
                new X509ChainVerifier(clock));
    }

    private final Map<String, Verifier> byFamily = new LinkedHashMap<>();

    public Verifiers(List<? extends Verifier> verifiers) {
        for (Verifier v : verifiers) {
            if (byFamily.putIfAbsent(v.family(), v) != null) {
                throw new IllegalArgumentException("two verifiers of family " + v.family());
            }
        }
    }

    public static Verifiers standard() {
        return standard(Clock.systemUTC());
    }

    /** The standard families with the clock that decides certificate and key validity "now". */
    public static Verifiers standard(Clock clock) {
        return new Verifiers(defaultVerifiers(clock));
    }

    public Optional<Verifier> find(String family) {
        return Optional.ofNullable(byFamily.get(family));
    }

    public List<Verifier> all() {
        return List.copyOf(byFamily.values());
    }

    public List<String> families() {
        return List.copyOf(byFamily.keySet());
    }

    /** The one family that recognises {@code evidence}, or a problem saying why there is not exactly one. */
    public Detection detect(EvidenceFile evidence) {
        List<Verifier> claims = byFamily.values().stream().filter(v -> recognizes(v, evidence)).toList();
        if (claims.size() == 1) {
            return new Detection(Optional.of(claims.get(0)), Optional.empty());
        }
        String message = claims.isEmpty()
                ? "no verifier family recognises this evidence (known: " + String.join(", ", families())
                        + "); name one with --type"
                : "the evidence is ambiguous: families " + String.join(", ", claims.stream().map(Verifier::family)
                        .toList()) + " all recognise it; name one with --type";
        return new Detection(Optional.empty(), Optional.of(Problem.of(claims.isEmpty() ? "verify.unrecognised"
                : "verify.ambiguous", message, Location.ofFile(evidence.name()))));
    }

    private static boolean recognizes(Verifier v, EvidenceFile evidence) {
        try {
            return v.recognizes(evidence);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The detected family, or why none was chosen. */
    public record Detection(Optional<Verifier> verifier, Optional<Problem> problem) {}
}
