package io.jenkins.plugins.securedeploy.engine.sign.pgp;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.RedactedCause;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * OpenPGP public keys from keyring files: binary ({@code gpg --export}) or ASCII-armored ({@code gpg --export -a}),
 * several armored blocks per file allowed, text around them ignored (release KEYS files list keys in prose first).
 */
final class PgpKeyring {
    private static final String ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private final List<PGPPublicKeyRing> rings;

    private PgpKeyring(List<PGPPublicKeyRing> rings) {
        this.rings = rings;
    }

    static PgpKeyring read(List<EvidenceFile> files) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (EvidenceFile f : files) {
            byte[] c = f.content();
            String text = new String(c, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(ARMOR);
            try {
                if (at < 0) {
                    add(rings, new ByteArrayInputStream(c));
                }
                while (at >= 0) {
                    add(rings, PGPUtil.getDecoderStream(new ByteArrayInputStream(c, at, c.length - at)));
                    at = text.indexOf(ARMOR, at + ARMOR.length());
                }
            } catch (IOException | PGPException | RuntimeException e) {
                throw new InvalidInputException(Problem.of("pgp.keyring-unreadable", "is not a readable OpenPGP "
                        + "public keyring (binary or armored)", Location.ofFile(f.name())),
                        RedactedCause.of(e, "(OpenPGP library message redacted)"));
            }
        }
        return new PgpKeyring(rings);
    }

    private static void add(List<PGPPublicKeyRing> rings, InputStream in) throws IOException, PGPException {
        PGPPublicKeyRingCollection collection = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        Iterator<PGPPublicKeyRing> it = collection.getKeyRings();
        while (it.hasNext()) {
            rings.add(it.next());
        }
    }

    boolean isEmpty() {
        return rings.isEmpty();
    }

    /** The ring holding the key with this id (primary or subkey), or null. */
    PGPPublicKeyRing ringOf(long keyId) {
        for (PGPPublicKeyRing r : rings) {
            if (r.getPublicKey(keyId) != null) {
                return r;
            }
        }
        return null;
    }

    /** The ring holding the key with this v4 fingerprint, or null. */
    PGPPublicKeyRing ringOf(byte[] fingerprint) {
        for (PGPPublicKeyRing r : rings) {
            if (r.getPublicKey(fingerprint) != null) {
                return r;
            }
        }
        return null;
    }

    static PGPPublicKey key(PGPPublicKeyRing ring, long keyId, byte[] fingerprint) {
        return fingerprint != null ? ring.getPublicKey(fingerprint) : ring.getPublicKey(keyId);
    }
}
