package io.jenkins.plugins.securedeploy.engine.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The media types a bundle records, and the few guesses the writer makes from a file name or its first bytes. */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String JSON_LINES = "application/jsonl";
    public static final String HTML = "text/html";
    public static final String CSS = "text/css";
    public static final String JAVASCRIPT = "text/javascript";
    public static final String TEXT = "text/plain";
    public static final String XML = "application/xml";
    public static final String SARIF = "application/sarif+json";
    public static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";
    public static final String CYCLONEDX_XML = "application/vnd.cyclonedx+xml";
    public static final String SPDX_JSON = "application/spdx+json";
    public static final String SPDX_TAG_VALUE = "text/spdx";
    /** A DSSE envelope (in-toto attestations, approvals). */
    public static final String DSSE = "application/vnd.dsse.envelope.v1+json";
    /** A sigstore bundle (any version; the bundle names its own). */
    public static final String SIGSTORE_BUNDLE = "application/vnd.dev.sigstore.bundle+json";
    public static final String PEM = "application/x-pem-file";
    public static final String PGP_KEYS = "application/pgp-keys";
    public static final String SIGSTORE_TRUSTED_ROOT = "application/vnd.dev.sigstore.trustedroot+json";
    public static final String OCTET_STREAM = "application/octet-stream";
    /** The archive: a gzip-compressed ustar stream. */
    public static final String TAR_GZIP = "application/gzip";
    /** The payload type of {@code manifest.dsse.json}. */
    public static final String MANIFEST = "application/vnd.secure-deploy.bundle-manifest+json";

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}"
            + "(;[ ]?[a-z0-9_.-]{1,40}=[a-zA-Z0-9_.+-]{1,60})*");

    private MediaTypes() {}

    /** Whether a file of this type carries its own signature (so it must never be masked, only refused). */
    public static boolean isSigned(String mediaType) {
        return DSSE.equals(mediaType) || SIGSTORE_BUNDLE.equals(mediaType);
    }

    /** {@code type/subtype[;param=value]}, lower case, at most ~127 characters. */
    public static boolean isValid(String mediaType) {
        return mediaType != null && mediaType.length() <= 200 && VALID.matcher(mediaType).matches();
    }

    /** By extension: html, css, js, json, jsonl, sarif, xml, txt, pem, asc/gpg; anything else is octet-stream. */
    public static String byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return HTML;
        } else if (n.endsWith(".css")) {
            return CSS;
        } else if (n.endsWith(".js")) {
            return JAVASCRIPT;
        } else if (n.endsWith(".sarif") || n.endsWith(".sarif.json")) {
            return SARIF;
        } else if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return JSON_LINES;
        } else if (n.endsWith(".json")) {
            return JSON;
        } else if (n.endsWith(".xml")) {
            return XML;
        } else if (n.endsWith(".txt") || n.endsWith(".log")) {
            return TEXT;
        } else if (n.endsWith(".pem") || n.endsWith(".pub") || n.endsWith(".crt")) {
            return PEM;
        } else if (n.endsWith(".asc") || n.endsWith(".gpg")) {
            return PGP_KEYS;
        }
        return OCTET_STREAM;
    }

    /** An SBOM's type from its first bytes: SPDX JSON, CycloneDX JSON or XML, SPDX tag-value. */
    public static String ofSbom(byte[] content) {
        String head = head(content);
        if (head.startsWith("{")) {
            return head.contains("\"spdxVersion\"") || head.contains("\"SPDXID\"") ? SPDX_JSON : CYCLONEDX_JSON;
        }
        if (head.startsWith("<")) {
            return CYCLONEDX_XML;
        }
        return head.startsWith("SPDXVersion:") || head.contains("\nSPDXVersion:") ? SPDX_TAG_VALUE : OCTET_STREAM;
    }

    /** An attestation's type from its first bytes: a sigstore bundle, or else a DSSE envelope. */
    public static String ofAttestation(byte[] content) {
        String head = head(content);
        return head.contains("\"application/vnd.dev.sigstore.bundle") ? SIGSTORE_BUNDLE : DSSE;
    }

    /** An approval's type: a DSSE envelope or sigstore bundle when it looks like one, else by its name. */
    public static String ofApproval(String name, byte[] content) {
        String head = head(content);
        if (head.startsWith("{") && head.contains("\"payloadType\"") && head.contains("\"signatures\"")) {
            return DSSE;
        }
        return head.contains("\"application/vnd.dev.sigstore.bundle") ? SIGSTORE_BUNDLE : byName(name);
    }

    private static String head(byte[] content) {
        String s = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.UTF_8);
        return (s.startsWith("\uFEFF") ? s.substring(1) : s).stripLeading();
    }
}
