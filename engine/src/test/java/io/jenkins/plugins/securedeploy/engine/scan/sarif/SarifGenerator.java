package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest.LargeReport;

/** A large CodeQL-shaped SARIF log: rules after results, long messages and snippets the parser skips or keeps. */
public final class SarifGenerator {
    private SarifGenerator() {}

    public static LargeReport largeReport() {
        String snippet = "s".repeat(3000);
        String rules = "\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"semanticVersion\":\"2.16.1\",\"rules\":["
                + "{\"id\":\"js/xss\",\"defaultConfiguration\":{\"level\":\"error\"},\"properties\":"
                + "{\"security-severity\":\"6.1\",\"tags\":[\"external/cwe/cwe-079\"]}},"
                + "{\"id\":\"js/sqli\",\"defaultConfiguration\":{\"level\":\"error\"}}]}}";
        return new LargeReport("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[",
                i -> "{\"ruleId\":\"" + (i % 2 == 0 ? "js/xss" : "js/sqli") + "\",\"message\":{\"text\":"
                        + "\"Potential issue number " + i + "\"},\"locations\":[{\"physicalLocation\":"
                        + "{\"artifactLocation\":{\"uri\":\"src/f" + (i % 1000) + ".js\"},\"region\":{\"startLine\":"
                        + (i % 5000 + 1) + ",\"startColumn\":3,\"snippet\":{\"text\":\"" + snippet + "\"}}}}],"
                        + "\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + Integer.toHexString(i)
                        + ":1\"}}",
                ",", "]," + rules + "}]}", 1);
    }
}
