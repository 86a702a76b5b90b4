package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transparency-log checkpoint in the signed-note format (transparency-dev/formats): the note ({@code origin},
 * tree size, base64 root hash, optional extension lines, each ending in a newline), a blank line, then signature
 * lines {@code — <name> <base64(4-byte key hint || signature)>}. The signature is over the note text.
 */
record Checkpoint(String note, String origin, long treeSize, byte[] rootHash, List<NoteSignature> signatures) {
    private static final Pattern SIGNATURE_LINE = Pattern.compile("\u2014 (\\S+) (\\S+)\n");

    record NoteSignature(String name, byte[] keyHint, byte[] signature) {}

    /** Throws {@link IllegalArgumentException} (message without note content) when it is not a signed note. */
    static Checkpoint parse(String envelope) {
        int split = envelope.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("the checkpoint has no blank line between note and signatures");
        }
        String note = envelope.substring(0, split + 1);
        String[] lines = note.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("the checkpoint note has fewer than 3 lines");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's tree size or root hash does not decode", e);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        Matcher m = SIGNATURE_LINE.matcher(envelope.substring(split + 2));
        while (m.find()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a checkpoint signature is not base64", e);
            }
            if (raw.length < 5) {
                throw new IllegalArgumentException("a checkpoint signature is too short");
            }
            signatures.add(new NoteSignature(m.group(1), Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint carries no signature line");
        }
        return new Checkpoint(note, lines[0], size, root, signatures);
    }

    /** Whether a signature whose key hint is the log id's first 4 bytes verifies with the log's key. */
    boolean signedBy(TrustedRoot.LogKey log) {
        byte[] hint = Arrays.copyOf(log.logId(), 4);
        byte[] data = note.getBytes(StandardCharsets.UTF_8);
        return signatures.stream().anyMatch(s -> Arrays.equals(s.keyHint(), hint)
                && Signatures.verify(log.key(), data, s.signature()));
    }
}
