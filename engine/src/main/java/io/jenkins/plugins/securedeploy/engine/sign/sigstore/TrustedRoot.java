package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sigstore trusted root ({@code trusted_root.json}, protobuf-specs {@code TrustedRoot}) as read by
 * {@link TrustedRootReader}: the transparency logs and CT logs (key, log id, validity), the Fulcio certificate
 * authorities and the timestamp authorities (certificate chains, validity). Everything a bundle is checked against
 * offline.
 */
record TrustedRoot(String file, List<LogKey> tlogs, List<Authority> certificateAuthorities, List<LogKey> ctlogs,
        List<Authority> timestampAuthorities) {
    TrustedRoot {
        tlogs = List.copyOf(tlogs);
        certificateAuthorities = List.copyOf(certificateAuthorities);
        ctlogs = List.copyOf(ctlogs);
        timestampAuthorities = List.copyOf(timestampAuthorities);
    }

    Optional<LogKey> tlog(byte[] logId) {
        return find(tlogs, logId);
    }

    Optional<LogKey> ctlog(byte[] logId) {
        return find(ctlogs, logId);
    }

    private static Optional<LogKey> find(List<LogKey> logs, byte[] logId) {
        return logs.stream().filter(l -> MessageDigest.isEqual(l.logId(), logId)).findFirst();
    }

    /** A time range; {@code end} absent means still valid. Both ends inclusive. */
    record Validity(Instant start, Optional<Instant> end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && end.map(e -> !t.isAfter(e)).orElse(true);
        }

        String describe() {
            return "from " + start + end.map(e -> " to " + e).orElse("");
        }
    }

    /** A transparency or CT log: its key and id, and when the key may be used. */
    record LogKey(String baseUrl, byte[] logId, PublicKey key, Validity validFor) {}

    /** A certificate or timestamp authority: its chain (leaf/intermediate first, root last) and validity. */
    record Authority(String uri, List<X509Certificate> chain, Validity validFor) {
        Authority {
            chain = List.copyOf(chain);
        }
    }
}
