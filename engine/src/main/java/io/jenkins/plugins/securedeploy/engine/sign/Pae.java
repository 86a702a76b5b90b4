package io.jenkins.plugins.securedeploy.engine.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE's Pre-Authentication Encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths as ASCII
 * decimal byte counts. What a DSSE signature is computed over (and so what both signing and every DSSE-carrying
 * verifier — plain envelopes, sigstore bundles — must use byte for byte).
 */
public final class Pae {
    private Pae() {}

    public static byte[] encode(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + type.length + payload.length);
        writeAscii(out, "DSSEv1 " + type.length + " ");
        out.writeBytes(type);
        writeAscii(out, " " + payload.length + " ");
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
