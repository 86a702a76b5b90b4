package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the canonicalized body of a Rekor entry: {@code hashedrekord} 0.0.1 (Rekor v1) and 0.0.2 (Rekor v2),
 * {@code dsse} 0.0.1 and 0.0.2, {@code intoto} 0.0.2. Any other kind/version, or a body that does not say the same
 * kind and version as the bundle's {@code kindVersion}, is refused. Errors are located in the body, named after the
 * bundle entry.
 */
final class RekorBodyReader {
    static final Set<String> SUPPORTED = Set.of("hashedrekord 0.0.1", "hashedrekord 0.0.2", "dsse 0.0.1",
            "dsse 0.0.2", "intoto 0.0.2");

    private RekorBodyReader() {}

    static RekorBody read(Bundle.TlogEntry entry, String bundleFile) {
        String name = bundleFile + " (canonicalizedBody of tlog entry " + entry.index() + ")";
        LocatedTree tree = LocatedTree.read(entry.canonicalizedBody(), name, false);
        JsonFieldReader f = new JsonFieldReader(tree, false);
        f.object("", Set.of());
        String kind = f.string("/kind");
        String apiVersion = f.string("/apiVersion");
        if (!kind.equals(entry.kind()) || !apiVersion.equals(entry.version())) {
            throw new InvalidInputException(tree.problem("sigstore.tlog-body",
                    "body is " + kind + " " + apiVersion + " but the entry's kindVersion says " + entry.kindVersion(),
                    "/kind"));
        }
        return switch (kind + " " + apiVersion) {
            case "hashedrekord 0.0.1" -> new RekorBody(kind, apiVersion, 1, f.bytes("/spec/signature/content"),
                    pem(f, "/spec/signature/publicKey/content"), Optional.of(hexHash(f, "/spec/data/hash")),
                    Optional.empty(), Optional.empty());
            case "hashedrekord 0.0.2" -> new RekorBody(kind, apiVersion, 1,
                    f.bytes("/spec/hashedRekordV002/signature/content"),
                    raw(f, "/spec/hashedRekordV002/signature/verifier"),
                    Optional.of(b64Hash(f, "/spec/hashedRekordV002/data")), Optional.empty(), Optional.empty());
            case "dsse 0.0.1" -> new RekorBody(kind, apiVersion, f.arraySize("/spec/signatures", true),
                    f.bytes("/spec/signatures/0/signature"), pem(f, "/spec/signatures/0/verifier"), Optional.empty(),
                    Optional.of(hexHash(f, "/spec/payloadHash")), Optional.empty());
            case "dsse 0.0.2" -> new RekorBody(kind, apiVersion, f.arraySize("/spec/dsseV002/signatures", true),
                    f.bytes("/spec/dsseV002/signatures/0/content"), raw(f, "/spec/dsseV002/signatures/0/verifier"),
                    Optional.empty(), Optional.of(b64Hash(f, "/spec/dsseV002/payloadHash")), Optional.empty());
            case "intoto 0.0.2" -> intoto(f, kind, apiVersion);
            default -> throw new InvalidInputException(tree.problem("sigstore.tlog-kind",
                    "unsupported Rekor entry kind " + kind + " " + apiVersion + " (supported: "
                            + String.join(", ", new java.util.TreeSet<>(SUPPORTED)) + ")", "/kind"));
        };
    }

    private static RekorBody intoto(JsonFieldReader f, String kind, String apiVersion) {
        String env = "/spec/content/envelope";
        // intoto 0.0.2 stores the signature base64-encoded twice
        byte[] once = f.bytes(env + "/signatures/0/sig");
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(new String(once, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(f.tree().problem("sigstore.malformed",
                    "signature is not base64 inside base64", env + "/signatures/0/sig"), e);
        }
        return new RekorBody(kind, apiVersion, f.arraySize(env + "/signatures", true), sig,
                pem(f, env + "/signatures/0/publicKey"), Optional.empty(),
                Optional.of(hexHash(f, "/spec/content/payloadHash")),
                Optional.ofNullable(f.optionalString(env + "/payloadType")));
    }

    private static RekorBody.Verifier pem(JsonFieldReader f, String pointer) {
        try {
            KeyMaterial.Pem pem = KeyMaterial.pem(f.bytes(pointer));
            if (pem instanceof KeyMaterial.PemCertificate c) {
                return new RekorBody.Verifier(c.certificate().getEncoded(), true);
            }
            return new RekorBody.Verifier(((KeyMaterial.PemKey) pem).key().getEncoded(), false);
        } catch (IllegalArgumentException | CertificateEncodingException e) {
            throw new InvalidInputException(f.tree().problem("sigstore.malformed",
                    "verifier is not a PEM certificate or public key", pointer), e);
        }
    }

    private static RekorBody.Verifier raw(JsonFieldReader f, String pointer) {
        if (f.has(pointer + "/x509Certificate")) {
            return new RekorBody.Verifier(f.bytes(pointer + "/x509Certificate/rawBytes"), true);
        }
        return new RekorBody.Verifier(f.bytes(pointer + "/publicKey/rawBytes"), false);
    }

    private static RekorBody.Hash hexHash(JsonFieldReader f, String pointer) {
        try {
            return new RekorBody.Hash(algorithm(f.string(pointer + "/algorithm")),
                    HexFormat.of().parseHex(f.string(pointer + "/value")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(f.tree().problem("sigstore.malformed", "digest is not hex",
                    pointer + "/value"), e);
        }
    }

    private static RekorBody.Hash b64Hash(JsonFieldReader f, String pointer) {
        return new RekorBody.Hash(algorithm(f.string(pointer + "/algorithm")), f.bytes(pointer + "/digest"));
    }

    /** {@code sha256}, {@code SHA2_256} → {@code sha256}. */
    static String algorithm(String spelled) {
        return spelled.toLowerCase(Locale.ROOT).replace("sha2_", "sha").replace("-", "");
    }
}
