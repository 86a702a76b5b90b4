package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeWriter;
import io.jenkins.plugins.securedeploy.engine.sign.Pae;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement → canonical JSON payload (RFC 8785) → DSSE envelope of type {@code application/vnd.in-toto+json},
 * signed over its PAE by every given {@link Signer} (one signature each, in order, with the signer's key id).
 */
public final class Attestor {
    public DsseEnvelope attest(Statement statement, List<? extends Signer> signers) {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("an attestation needs at least one signer");
        }
        byte[] payload = statement.toCanonicalJson();
        byte[] pae = Pae.encode(Statement.PAYLOAD_TYPE, payload);
        List<DsseEnvelope.Signature> signatures = new ArrayList<>();
        for (Signer s : signers) {
            signatures.add(new DsseEnvelope.Signature(s.keyId(), s.sign(pae)));
        }
        return new DsseEnvelope(Statement.PAYLOAD_TYPE, payload, signatures);
    }

    /** The envelope as JSON bytes, ready to store as evidence. */
    public byte[] attestJson(Statement statement, List<? extends Signer> signers) {
        return new DsseEnvelopeWriter().write(attest(statement, signers));
    }
}
