package io.jenkins.plugins.securedeploy.engine.scan.cyclonedxvex;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** CycloneDX VEX, or any CycloneDX BOM with a {@code vulnerabilities} array (e.g. from a scanner's cyclonedx output). */
public final class CycloneDxVexDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return CycloneDxVexParser.TOOL;
    }

    @Override
    public String displayName() {
        return "CycloneDX VEX / BOM vulnerabilities";
    }

    @Override
    public Category category() {
        return Category.SCA;
    }

    @Override
    public int detect(String head) {
        if (!head.stripLeading().startsWith("{") || !head.contains("\"bomFormat\"")
                || !head.contains("\"CycloneDX\"")) {
            return 0;
        }
        int score = 40;
        if (head.contains("\"vulnerabilities\"")) {
            score += 40;
        }
        if (head.contains("\"analysis\"") || head.contains("\"affects\"")) {
            score += 15;
        }
        return Math.min(score, 95);
    }

    @Override
    public ReportParser createParser() {
        return new CycloneDxVexParser();
    }
}
