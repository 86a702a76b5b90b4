package io.jenkins.plugins.securedeploy.jenkins.sbom;

import hudson.model.InvisibleAction;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One SBOM recorded on a run (there may be several): where it is archived, its format and the SHA-256 of the file,
 * so the gate report shows "SBOM present" with a link and the digest. Plain fields (XStream-safe). In the REST API
 * with the build: archivePath, format, specVersion, serialNumber, sha256, components.
 */
@ExportedBean(defaultVisibility = 2)
public class SbomAction extends InvisibleAction {
    private final String archivePath;
    private final String format;
    private final String specVersion;
    private final String serialNumber;
    private final String sha256;
    private final int components;

    public SbomAction(String archivePath, String format, String specVersion, String serialNumber, String sha256,
            int components) {
        this.archivePath = archivePath;
        this.format = format;
        this.specVersion = specVersion;
        this.serialNumber = serialNumber;
        this.sha256 = sha256;
        this.components = components;
    }

    /** Path under the run's artifacts ({@code secure-deploy/sbom/...}). */
    @Exported
    public String getArchivePath() {
        return archivePath;
    }

    @Exported
    public String getFormat() {
        return format;
    }

    @Exported
    public String getSpecVersion() {
        return specVersion;
    }

    @Exported
    public String getSerialNumber() {
        return serialNumber;
    }

    /** {@code sha256:<hex>} of the archived file. */
    @Exported
    public String getSha256() {
        return sha256;
    }

    @Exported
    public int getComponents() {
        return components;
    }
}
