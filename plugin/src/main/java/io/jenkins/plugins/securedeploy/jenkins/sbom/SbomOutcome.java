package io.jenkins.plugins.securedeploy.jenkins.sbom;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent sends back for one SBOM: the document, its summary as plain values, or the problems that refused
 * it (engine exceptions carry records, which do not cross the channel, so problems travel as text).
 */
final class SbomOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    final String fileName;
    final byte[] content;
    final String format;
    final String specVersion;
    final String serialNumber;
    final String sha256;
    final int components;
    final ArrayList<String> problems;

    SbomOutcome(String fileName, byte[] content, String format, String specVersion, String serialNumber,
            String sha256, int components, List<String> problems) {
        this.fileName = fileName;
        this.content = content == null ? new byte[0] : content.clone();
        this.format = format;
        this.specVersion = specVersion;
        this.serialNumber = serialNumber;
        this.sha256 = sha256;
        this.components = components;
        this.problems = new ArrayList<>(problems);
    }

    static SbomOutcome refused(String fileName, List<String> problems) {
        return new SbomOutcome(fileName, null, "", "", "", "", 0, problems);
    }
}
