package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a sigstore {@code trusted_root.json} (media type {@code application/vnd.dev.sigstore.trustedroot+json},
 * versions 0.1 and 0.2). Fields added by later spec versions are tolerated (trust material evolves; what is read is
 * checked strictly): a key or certificate that does not decode, a missing validity start or an unknown media type is
 * a located {@link InvalidInputException}.
 */
final class TrustedRootReader {
    private static final String MEDIA_TYPE_PREFIX = "application/vnd.dev.sigstore.trustedroot";

    private TrustedRootReader() {}

    static TrustedRoot read(EvidenceFile file) {
        LocatedTree tree = LocatedTree.read(file.content(), file.name(), false);
        JsonFieldReader f = new JsonFieldReader(tree, false);
        f.object("", Set.of());
        String mediaType = f.string("/mediaType");
        if (!mediaType.startsWith(MEDIA_TYPE_PREFIX + "+json;version=0.")
                && !mediaType.startsWith(MEDIA_TYPE_PREFIX + ".v0.")) {
            throw new InvalidInputException(tree.problem("sigstore.trusted-root",
                    "not a sigstore trusted root media type", "/mediaType"));
        }
        return new TrustedRoot(file.name(), logs(f, "/tlogs"), authorities(f, "/certificateAuthorities"),
                logs(f, "/ctlogs"), authorities(f, "/timestampAuthorities"));
    }

    private static List<TrustedRoot.LogKey> logs(JsonFieldReader f, String pointer) {
        List<TrustedRoot.LogKey> out = new ArrayList<>();
        int n = f.arraySize(pointer, false);
        for (int i = 0; i < n; i++) {
            String p = pointer + "/" + i;
            f.object(p, Set.of());
            f.object(p + "/publicKey", Set.of());
            String details = f.optionalString(p + "/publicKey/keyDetails");
            PublicKey key;
            try {
                key = KeyMaterial.publicKey(f.bytes(p + "/publicKey/rawBytes"), details);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(f.tree().problem("sigstore.trusted-root",
                        "public key does not decode: " + e.getMessage(), p + "/publicKey/rawBytes"), e);
            }
            out.add(new TrustedRoot.LogKey(Optional.ofNullable(f.optionalString(p + "/baseUrl")).orElse(""),
                    f.bytes(p + "/logId/keyId"), key, validity(f, p + "/publicKey/validFor")));
        }
        return out;
    }

    private static List<TrustedRoot.Authority> authorities(JsonFieldReader f, String pointer) {
        List<TrustedRoot.Authority> out = new ArrayList<>();
        int n = f.arraySize(pointer, false);
        for (int i = 0; i < n; i++) {
            String p = pointer + "/" + i;
            f.object(p, Set.of());
            int c = f.arraySize(p + "/certChain/certificates", true);
            if (c == 0) {
                throw f.malformed(p + "/certChain/certificates", "the authority's certificate chain is empty");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (int k = 0; k < c; k++) {
                String cp = p + "/certChain/certificates/" + k + "/rawBytes";
                try {
                    chain.add(KeyMaterial.certificate(f.bytes(cp)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(f.tree().problem("sigstore.trusted-root",
                            "certificate does not decode", cp), e);
                }
            }
            out.add(new TrustedRoot.Authority(Optional.ofNullable(f.optionalString(p + "/uri")).orElse(""), chain,
                    validity(f, p + "/validFor")));
        }
        return out;
    }

    private static TrustedRoot.Validity validity(JsonFieldReader f, String pointer) {
        f.object(pointer, Set.of());
        String end = f.optionalString(pointer + "/end");
        return new TrustedRoot.Validity(instant(f, pointer + "/start", f.string(pointer + "/start")),
                end == null ? Optional.empty() : Optional.of(instant(f, pointer + "/end", end)));
    }

    private static Instant instant(JsonFieldReader f, String pointer, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(f.tree().problem("sigstore.trusted-root",
                    "not an RFC 3339 timestamp", pointer), e);
        }
    }
}
