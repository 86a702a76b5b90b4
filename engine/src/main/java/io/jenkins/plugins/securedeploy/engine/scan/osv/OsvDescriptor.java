package io.jenkins.plugins.securedeploy.engine.scan.osv;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;

/** OSV-Scanner's JSON report ({@code osv-scanner --format json}). */
public final class OsvDescriptor implements ScannerDescriptor {
    @Override
    public String id() {
        return "osv";
    }

    @Override
    public String displayName() {
        return "OSV-Scanner";
    }

    @Override
    public Category category() {
        return Category.SCA;
    }

    @Override
    public int detect(String head) {
        String s = head.stripLeading();
        if (s.startsWith("{") && s.contains("\"results\"") && s.contains("\"experimental_config\"")) {
            return 90; // osv-scanner 1.7+ writes experimental_config, also in a clean report
        }
        if (!s.startsWith("{") || !s.contains("\"results\"") || !s.contains("\"packages\"")) {
            return 0;
        }
        return s.contains("\"ecosystem\"") || s.contains("\"groups\"") || s.contains("\"source\"") ? 90 : 40;
    }

    @Override
    public ReportParser createParser() {
        return new OsvParser();
    }
}
