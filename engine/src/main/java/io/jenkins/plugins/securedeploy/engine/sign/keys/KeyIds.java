package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.security.PublicKey;

/** Key ids: {@code sha256:} and the lower-case hex SHA-256 of the key's SubjectPublicKeyInfo DER. */
public final class KeyIds {
    private KeyIds() {}

    public static String of(PublicKey key) {
        return Hashing.sha256(key.getEncoded()).toString();
    }
}
