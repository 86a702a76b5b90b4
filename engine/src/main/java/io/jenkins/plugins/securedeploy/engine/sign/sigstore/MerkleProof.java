package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6962 / RFC 9162 Merkle audit paths: the leaf hash {@code SHA-256(0x00 || entry)} is combined with the proof's
 * hashes ({@code SHA-256(0x01 || left || right)}) up to the root, which must equal the proof's root hash.
 */
final class MerkleProof {
    private MerkleProof() {}

    /** Empty when the path leads to {@code rootHash}; otherwise what is wrong. */
    static Optional<String> check(byte[] leaf, long index, long treeSize, List<byte[]> hashes, byte[] rootHash) {
        if (index < 0 || index >= treeSize) {
            return Optional.of("log index " + index + " is outside the tree of size " + treeSize);
        }
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
        int border = Long.bitCount(index >>> inner);
        if (hashes.size() != inner + border) {
            return Optional.of("the audit path has " + hashes.size() + " hashes; a leaf at index " + index
                    + " of a tree of size " + treeSize + " needs " + (inner + border));
        }
        byte[] node = hash((byte) 0, leaf, new byte[0]);
        for (int i = 0; i < inner; i++) {
            node = ((index >>> i) & 1) == 1 ? hash((byte) 1, hashes.get(i), node) : hash((byte) 1, node, hashes.get(i));
        }
        for (int i = inner; i < hashes.size(); i++) {
            node = hash((byte) 1, hashes.get(i), node);
        }
        return MessageDigest.isEqual(node, rootHash) ? Optional.empty()
                : Optional.of("the root hash computed from the audit path does not match the proof's rootHash");
    }

    private static byte[] hash(byte prefix, byte[] left, byte[] right) {
        byte[] buf = new byte[1 + left.length + right.length];
        buf[0] = prefix;
        System.arraycopy(left, 0, buf, 1, left.length);
        System.arraycopy(right, 0, buf, 1 + left.length, right.length);
        return Hashing.sha256(buf).bytes();
    }
}
