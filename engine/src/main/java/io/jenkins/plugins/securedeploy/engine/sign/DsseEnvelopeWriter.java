package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.json.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a DSSE envelope as JSON: standard base64 with padding (what securesystemslib, cosign and in-toto write),
 * keys in canonical (sorted) order, so the same envelope always gives the same bytes. An empty key id is omitted,
 * as the spec allows.
 */
public final class DsseEnvelopeWriter {
    public byte[] write(DsseEnvelope envelope) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("payloadType", envelope.payloadType());
        doc.put("payload", Base64s.encode(envelope.payload()));
        List<Map<String, Object>> sigs = new ArrayList<>();
        for (DsseEnvelope.Signature s : envelope.signatures()) {
            Map<String, Object> sig = new LinkedHashMap<>();
            if (!s.keyId().isEmpty()) {
                sig.put("keyid", s.keyId());
            }
            sig.put("sig", Base64s.encode(s.sig()));
            sigs.add(sig);
        }
        doc.put("signatures", sigs);
        return CanonicalJson.encode(doc);
    }
}
