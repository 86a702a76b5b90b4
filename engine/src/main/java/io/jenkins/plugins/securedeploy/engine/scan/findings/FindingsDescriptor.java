package io.jenkins.plugins.securedeploy.engine.scan.findings;

import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.regex.Pattern;

/**
 * The engine's own findings document ({@code secure-deploy scan|secrets|ingest --json}), so that every host that
 * ingests reports — {@code ingest}, {@code gate}, the Jenkins steps — reads it like any tool's report.
 */
public final class FindingsDescriptor implements ScannerDescriptor {
    private static final Pattern FORMAT = Pattern.compile("\"format\"\\s*:\\s*\"" + ScanResultsWriter.FORMAT + "\"");

    @Override
    public String id() {
        return ScanResultsWriter.FORMAT;
    }

    @Override
    public String displayName() {
        return "Secure Deploy findings";
    }

    @Override
    public Category category() {
        return Category.OTHER;
    }

    @Override
    public int detect(String head) {
        return head.stripLeading().startsWith("{") && FORMAT.matcher(head).find() ? 100 : 0;
    }

    @Override
    public ReportParser createParser() {
        return new FindingsParser();
    }
}
