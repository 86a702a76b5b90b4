package io.jenkins.plugins.securedeploy.jenkins.scan;

import hudson.model.InvisibleAction;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.findings.ScanResultsReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The scan results of a run, for {@code securityGate}: one engine scan-results JSON document per
 * {@code runScanners} call, kept as text (XStream-safe; engine records are not) and read back strictly, so a
 * damaged build.xml gives an error, not fewer findings. Parallel branches may add concurrently. In the REST API
 * with the build: one {@code scans} entry per result (tool, source, status, findings, problems).
 */
@ExportedBean(defaultVisibility = 2)
public class ScanResultsAction extends InvisibleAction {
    private final ArrayList<String> batches = new ArrayList<>();

    public synchronized void add(byte[] scanResultsJson) {
        batches.add(new String(scanResultsJson, StandardCharsets.UTF_8));
    }

    /** Every result recorded so far, in order. */
    public synchronized List<ScanResult> results() {
        List<ScanResult> all = new ArrayList<>();
        ScanResultsReader reader = new ScanResultsReader();
        for (int i = 0; i < batches.size(); i++) {
            all.addAll(reader.read(batches.get(i).getBytes(StandardCharsets.UTF_8), "scan results #" + (i + 1)));
        }
        return all;
    }

    /** One line of the REST API per recorded result. */
    @Exported
    public List<ScanSummary> getScans() {
        return results().stream().map(ScanSummary::new).toList();
    }

    /** A recorded result as the REST API shows it: counts, not findings (those are in the gate report). */
    @ExportedBean(defaultVisibility = 3)
    public static final class ScanSummary {
        private final String tool;
        private final String source;
        private final String status;
        private final int findings;
        private final int problems;

        ScanSummary(ScanResult r) {
            this.tool = r.tool();
            this.source = r.source();
            this.status = r.status().name();
            this.findings = r.findings().size();
            this.problems = r.problems().size();
        }

        @Exported
        public String getTool() {
            return tool;
        }

        @Exported
        public String getSource() {
            return source;
        }

        /** OK or ERROR. */
        @Exported
        public String getStatus() {
            return status;
        }

        @Exported
        public int getFindings() {
            return findings;
        }

        @Exported
        public int getProblems() {
            return problems;
        }
    }
}
