package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** The files a secret scan reads, handed to a {@link Visitor} in the order of their sorted relative paths. */
interface TreeSource {
    void walk(Visitor visitor) throws IOException;

    /** Opens one file for reading (on a worker thread), then frees what it held. */
    interface Opener {
        ReadableByteChannel open() throws IOException;

        /** Called exactly once, whether or not the file was opened. */
        void release() throws IOException;
    }

    /** What the walk finds, in order. Called on the walking thread only. */
    interface Visitor {
        /** Whether the exclude globs cover everything under {@code folder}, which is then not entered. */
        boolean prunes(String folder);

        /** Whether {@code path} is selected by the globs and not allow-listed by path (counting it otherwise). */
        boolean selected(String path);

        /** A selected file of {@code size} bytes. */
        void file(String path, long size, Opener opener) throws IOException;

        /** A file or folder a {@code .gitignore} rule ignores. */
        void ignored(String path, boolean folder);

        /** A dependency or build folder that is not entered. */
        void skippedFolder(String path, String why);

        /** A folder or file whose listing or size could not be read. */
        void unreadable(String path, boolean folder, Exception cause);
    }
}
