package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** The findings document that {@code scan}, {@code secrets} and {@code ingest} print with {@code --json}. */
final class FindingsOutput {
    private FindingsOutput() {}

    static byte[] render(List<ScanResultsWriter.Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ScanResultsWriter().write(entries, out, true);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the findings document", e);
        }
        return out.toByteArray();
    }

    static byte[] of(List<ScanResult> results) {
        return render(results.stream().map(r -> new ScanResultsWriter.Entry(r, null)).toList());
    }
}
