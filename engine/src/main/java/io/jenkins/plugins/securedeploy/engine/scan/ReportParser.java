package io.jenkins.plugins.securedeploy.engine.scan;

import java.io.InputStream;

/**
 * Parses one tool's report format, streaming, with heap bounded independent of report size (beyond the findings
 * themselves). Bad input is an {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException} whose
 * problems name {@code displayName} and the location; it never echoes report content that might be a secret.
 * Every implementation passes {@code AbstractReportParserTest}.
 */
public interface ReportParser {
    ScanResult parse(InputStream report, String displayName);
}
