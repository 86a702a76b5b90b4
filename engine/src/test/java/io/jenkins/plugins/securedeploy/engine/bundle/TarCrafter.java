package io.jenkins.plugins.securedeploy.engine.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Crafts tar archives byte by byte for the hostile-archive tests: any name, type flag, mode and declared size, in any
 * order — things no bundle writer makes. Headers are ustar with a correct checksum unless asked otherwise.
 */
final class TarCrafter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts with the given (e.g. a sealed bundle's) files as regular entries. */
    static TarCrafter of(Map<String, byte[]> files) {
        TarCrafter t = new TarCrafter();
        files.forEach(t::file);
        return t;
    }

    TarCrafter file(String name, byte[] content) {
        return entry(name, (byte) '0', 0644, content.length, content);
    }

    TarCrafter entry(String name, byte type, int mode, long declaredSize, byte[] content) {
        out.writeBytes(header(name, type, mode, declaredSize, true));
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    /** A header only, with a wrong checksum. */
    TarCrafter corruptHeader(String name) {
        out.writeBytes(header(name, (byte) '0', 0644, 0, false));
        return this;
    }

    TarCrafter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The tar with its end-of-archive blocks. */
    byte[] tar() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    /** Without end-of-archive blocks. */
    byte[] unterminated() {
        return out.toByteArray();
    }

    byte[] tarGz() {
        return ArchiveWriter.gzip(tar());
    }

    /** A header whose ustar prefix field is {@code prefix} (the name read is prefix/name). */
    TarCrafter prefixed(String prefix, String name, byte[] content) {
        byte[] h = header(name, (byte) '0', 0644, content.length, true);
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(p, 0, h, 345, p.length);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 7, Long.toOctalString(sum));
        h[155] = ' ';
        out.writeBytes(h);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    static byte[] header(String name, byte type, int mode, long size, boolean goodChecksum) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] h = ArchiveWriter.header("x", 0, 0);
        java.util.Arrays.fill(h, 0, 100, (byte) 0);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, 8, Integer.toOctalString(mode));
        put(h, 124, 12, Long.toOctalString(size));
        h[156] = type;
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 7, Long.toOctalString(goodChecksum ? sum : sum + 1));
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int at, int width, String octal) {
        String padded = "0".repeat(Math.max(0, width - 1 - octal.length())) + octal;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, Math.min(b.length, width - 1));
        h[at + width - 1] = 0;
    }
}
