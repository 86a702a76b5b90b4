package io.jenkins.plugins.securedeploy.engine.sbom;

import java.io.IOException;
import java.io.InputStream;

/** One lockfile/manifest format → components. One small class per format; {@link LockfileReaders} picks one. */
interface LockfileReader {
    /** The purl type of what it reads. */
    String ecosystem();

    /** Reads the whole file; bad content → InvalidInputException naming {@code displayName} and where. */
    LockfileContents read(InputStream in, String displayName) throws IOException;
}
