package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to put in a bundle: its bundle path ({@link BundlePaths} rules), role, media type, the trust kind for
 * {@link BundleRole#TRUST} files, and the content as bytes the caller has already read (copied here, so nothing is
 * re-read from a path that could have changed in between).
 */
public record BundleEntry(String path, BundleRole role, String mediaType, Optional<TrustKind> trust, byte[] content) {
    public BundleEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(mediaType, "mediaType");
        trust = trust == null ? Optional.empty() : trust;
        content = Objects.requireNonNull(content, "content").clone();
        Optional<String> bad = BundlePaths.problem(path);
        if (bad.isPresent()) {
            throw new SecurityViolationException("bundle path '" + BundlePaths.printable(path) + "' " + bad.get());
        }
        if (BundlePaths.reserved(path)) {
            throw new IllegalArgumentException("bundle path " + path + " is the bundle's own manifest");
        }
        if (!MediaTypes.isValid(mediaType)) {
            throw new IllegalArgumentException("media type of " + path + " is not type/subtype[;param=value]");
        }
        if ((role == BundleRole.TRUST) != trust.isPresent()) {
            throw new IllegalArgumentException("bundle file " + path + ": a trust kind is given exactly for role trust");
        }
    }

    public static BundleEntry of(String path, BundleRole role, String mediaType, byte[] content) {
        return new BundleEntry(path, role, mediaType, Optional.empty(), content);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content without a copy, for the writer. */
    byte[] bytes() {
        return content;
    }

    BundleEntry withContent(byte[] replaced) {
        return new BundleEntry(path, role, mediaType, trust, replaced);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BundleEntry e && path.equals(e.path) && role == e.role && mediaType.equals(e.mediaType)
                && trust.equals(e.trust) && Arrays.equals(content, e.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, role, mediaType, trust, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "BundleEntry[" + path + ", " + role.id() + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
