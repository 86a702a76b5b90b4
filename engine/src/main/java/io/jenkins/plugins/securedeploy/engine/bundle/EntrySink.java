package io.jenkins.plugins.securedeploy.engine.bundle;

import java.io.IOException;
import java.io.InputStream;

/** Receives a bundle's entries as a source reads them (archive order, or sorted for a directory). */
interface EntrySink {
    /** A regular file of {@code size} bytes; {@code content} ends after them; the sink may leave some unread. */
    void file(String name, long size, int mode, InputStream content) throws IOException;

    /** An entry that is not a regular file ({@code kind}: symbolic link, device, directory, ...). */
    void refused(String name, String kind);
}
