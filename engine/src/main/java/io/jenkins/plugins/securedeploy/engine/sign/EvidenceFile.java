package io.jenkins.plugins.securedeploy.engine.sign;

import java.util.Objects;

/**
 * A piece of signature evidence (envelope, bundle, detached signature, certificate chain) as read by the host, with
 * the name it is shown under in reasons. Evidence files are small; artifacts are streamed ({@link ArtifactSource}).
 */
public record EvidenceFile(String name, byte[] content) {
    public EvidenceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceFile other && name.equals(other.name)
                && java.util.Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return name + " (" + content.length + " bytes)";
    }
}
