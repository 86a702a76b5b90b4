package io.jenkins.plugins.securedeploy.engine.bundle;

/**
 * What reading one bundle may cost, so a hostile bundle cannot exhaust memory or time: entries, bytes per file, bytes
 * in all (uncompressed; the compressed input is bounded the same way), and bytes held in memory for the files whose
 * content is checked (manifest, attestations, SBOMs, trust material, audit excerpt, approval, revocations, gate
 * report JSON). Nothing is ever extracted to disk. Crossing a limit is an ERROR naming it.
 */
public record BundleLimits(int maxEntries, long maxFileBytes, long maxTotalBytes, long maxRetainedBytes) {
    /** 10,000 files, 1 GiB per file, 4 GiB in all, 256 MiB held in memory. */
    public static final BundleLimits DEFAULT = new BundleLimits(10_000, 1L << 30, 4L << 30, 256L << 20);

    public BundleLimits {
        if (maxEntries <= 0 || maxFileBytes <= 0 || maxTotalBytes <= 0 || maxRetainedBytes <= 0) {
            throw new IllegalArgumentException("bundle limits must be positive");
        }
        if (maxRetainedBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("at most 2 GiB can be held in memory");
        }
    }
}
