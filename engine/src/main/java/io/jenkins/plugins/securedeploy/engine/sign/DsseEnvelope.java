package io.jenkins.plugins.securedeploy.engine.sign;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope as a value: payload type, payload bytes and signatures. Shared by the DSSE family, sigstore bundles
 * that carry DSSE content, and the attestor that writes envelopes. JSON reading and writing live in their own
 * Reader/Writer classes; what is signed is always {@link Pae#encode} of type and payload.
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {
    public DsseEnvelope {
        Objects.requireNonNull(payloadType, "payloadType");
        payload = Objects.requireNonNull(payload, "payload").clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes every signature of this envelope is over. */
    public byte[] pae() {
        return Pae.encode(payloadType, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DsseEnvelope other && payloadType.equals(other.payloadType)
                && Arrays.equals(payload, other.payload) && signatures.equals(other.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
    }

    @Override
    public String toString() {
        return "DsseEnvelope[" + payloadType + ", " + payload.length + " bytes, " + signatures.size() + " signature(s)]";
    }

    /** One signature: the key id (may be empty, as the spec allows) and the raw signature bytes. */
    public record Signature(String keyId, byte[] sig) {
        public Signature {
            keyId = keyId == null ? "" : keyId;
            sig = Objects.requireNonNull(sig, "sig").clone();
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature other && keyId.equals(other.keyId) && Arrays.equals(sig, other.sig);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode() * 31 + Arrays.hashCode(sig);
        }

        @Override
        public String toString() {
            return "Signature[keyid=" + keyId + ", " + sig.length + " bytes]";
        }
    }
}
