package io.jenkins.plugins.securedeploy.engine.sign.pgp;

import java.time.Instant;
import java.util.Iterator;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Whether an OpenPGP key may have made a signature: revocations (verified with the primary key), subkey binding
 * (verified), signing capability (key flags, where present), and validity: created before the signature, not
 * expired at signing time, not expired now.
 */
final class PgpKeyValidity {
    private final PGPPublicKeyRing ring;
    private final PGPPublicKey key;
    private final PGPPublicKey primary;
    private final String name;

    PgpKeyValidity(PGPPublicKeyRing ring, PGPPublicKey key, String name) {
        this.ring = ring;
        this.key = key;
        this.primary = ring.getPublicKey();
        this.name = name;
    }

    /** Null if the key is fine for a signature made at {@code signedAt} and checked at {@code now}. */
    String problemAt(Instant signedAt, Instant now) {
        if (revoked(primary, PGPSignature.KEY_REVOCATION, null)) {
            return "key " + name + " is revoked (its primary key carries a valid revocation signature)";
        }
        if (!key.isMasterKey()) {
            if (revoked(key, PGPSignature.SUBKEY_REVOCATION, primary)) {
                return "subkey " + name + " is revoked";
            }
            if (!bound()) {
                return "subkey " + name + " has no valid binding signature from its primary key";
            }
        }
        if (!canSign()) {
            return "key " + name + " is not a signing key (its key flags lack 'sign data')";
        }
        Instant created = key.getCreationTime().toInstant();
        if (signedAt.isBefore(created)) {
            return "the signature (" + signedAt + ") is older than key " + name + " (created " + created + ")";
        }
        long valid = key.isMasterKey() ? key.getValidSeconds() : Math.min(positive(key.getValidSeconds()),
                positive(primary.getValidSeconds()));
        if (valid > 0 && valid != Long.MAX_VALUE) {
            Instant expires = created.plusSeconds(valid);
            if (!signedAt.isBefore(expires)) {
                return "key " + name + " had expired (" + expires + ") when the signature was made (" + signedAt + ")";
            }
            if (!now.isBefore(expires)) {
                return "key " + name + " expired on " + expires;
            }
        }
        return null;
    }

    private static long positive(long seconds) {
        return seconds <= 0 ? Long.MAX_VALUE : seconds;
    }

    private boolean revoked(PGPPublicKey target, int type, PGPPublicKey subkeyOwner) {
        Iterator<PGPSignature> it = target.getSignaturesOfType(type);
        while (it.hasNext()) {
            PGPSignature s = it.next();
            try {
                s.init(new BcPGPContentVerifierBuilderProvider(), primary);
                boolean valid = subkeyOwner == null ? s.verifyCertification(target)
                        : s.verifyCertification(subkeyOwner, target);
                if (valid) {
                    return true;
                }
            } catch (PGPException | RuntimeException e) {
                // an unverifiable revocation does not revoke
            }
        }
        return false;
    }

    private boolean bound() {
        Iterator<PGPSignature> it = key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (it.hasNext()) {
            PGPSignature s = it.next();
            try {
                s.init(new BcPGPContentVerifierBuilderProvider(), primary);
                if (s.verifyCertification(primary, key)) {
                    return true;
                }
            } catch (PGPException | RuntimeException e) {
                // try the next binding
            }
        }
        return false;
    }

    private boolean canSign() {
        boolean anyFlags = false;
        Iterator<PGPSignature> it = key.isMasterKey() ? key.getSignatures()
                : key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (it.hasNext()) {
            PGPSignature s = it.next();
            if (s.getKeyID() != primary.getKeyID() || s.getHashedSubPackets() == null) {
                continue;
            }
            int flags = s.getHashedSubPackets().getKeyFlags();
            if (flags != 0) {
                anyFlags = true;
                if ((flags & KeyFlags.SIGN_DATA) != 0) {
                    return true;
                }
            }
        }
        return !anyFlags && ring.getPublicKey() != null;
    }
}
