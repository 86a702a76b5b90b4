package io.jenkins.plugins.securedeploy.engine.report;

import java.util.Objects;

/** One file of a written report: its name inside the report folder, media type and bytes. */
public record ReportFile(String name, String mediaType, byte[] content) {
    public ReportFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportFile f && f.name.equals(name) && f.mediaType.equals(mediaType)
                && java.util.Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "ReportFile[" + name + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
