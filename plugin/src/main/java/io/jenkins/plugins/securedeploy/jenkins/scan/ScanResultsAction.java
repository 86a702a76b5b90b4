package io.jenkins.plugins.securedeploy.jenkins.scan;

import hudson.model.InvisibleAction;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan results of a run, for {@code securityGate}: one engine scan-results JSON document per
 * {@code runScanners} call, kept as text (XStream-safe; engine records are not) and read back strictly, so a
 * damaged build.xml gives an error, not fewer findings. Parallel branches may add concurrently.
 */
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
}
