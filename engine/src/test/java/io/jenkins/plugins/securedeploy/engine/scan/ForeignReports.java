package io.jenkins.plugins.securedeploy.engine.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Minimal but structurally real reports of the supported tools, plus documents meaningless as a report, keyed by
 * format id ({@code generic-*} for the latter). {@link AbstractReportParserTest} feeds each one to every parser except
 * its own format's: each must be an error (or a valid empty result where the format allows it).
 */
public final class ForeignReports {
    public static final Map<String, String> ALL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("generic-empty-array", "[]");
        m.put("generic-empty-object", "{}");
        m.put("generic-object", "{\"a\": 1, \"b\": [true, null]}");
        m.put("generic-null", "null");
        m.put("generic-string", "\"report\"");
        m.put("generic-number", "42");
        m.put("generic-array-of-empty", "[{}]");
        m.put("generic-array-of-numbers", "[1, 2, 3]");
        m.put("sarif", "{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                + "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\"}},\"results\":[{\"ruleId\":\"js/xss\","
                + "\"level\":\"error\",\"message\":{\"text\":\"XSS\"}}]}]}");
        m.put("trivy", "{\"SchemaVersion\":2,\"ArtifactName\":\"alpine:3.19\",\"ArtifactType\":\"container_image\","
                + "\"Results\":[{\"Target\":\"alpine\",\"Class\":\"os-pkgs\",\"Type\":\"alpine\",\"Vulnerabilities\":"
                + "[{\"VulnerabilityID\":\"CVE-2024-0001\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.1.0\","
                + "\"Severity\":\"HIGH\"}]}]}");
        m.put("grype", "{\"matches\":[{\"vulnerability\":{\"id\":\"CVE-2024-0001\",\"severity\":\"High\"},"
                + "\"artifact\":{\"name\":\"openssl\",\"version\":\"3.1.0\",\"type\":\"apk\"}}],"
                + "\"source\":{\"type\":\"image\"},\"descriptor\":{\"name\":\"grype\",\"version\":\"0.74.0\"}}");
        m.put("gitleaks", "[{\"Description\":\"AWS\",\"RuleID\":\"aws-access-token\",\"File\":\"a.txt\","
                + "\"StartLine\":1,\"EndLine\":1,\"Secret\":\"REDACTED\",\"Match\":\"REDACTED\","
                + "\"Fingerprint\":\"a.txt:aws-access-token:1\"}]");
        m.put("osv", "{\"results\":[{\"source\":{\"path\":\"package-lock.json\",\"type\":\"lockfile\"},\"packages\":"
                + "[{\"package\":{\"name\":\"lodash\",\"version\":\"4.17.4\",\"ecosystem\":\"npm\"},"
                + "\"vulnerabilities\":[{\"id\":\"GHSA-jf85-cpcp-j695\",\"aliases\":[\"CVE-2019-10744\"]}],"
                + "\"groups\":[{\"ids\":[\"GHSA-jf85-cpcp-j695\"],\"max_severity\":\"9.1\"}]}]}]}");
        m.put("npm-audit", "{\"auditReportVersion\":2,\"vulnerabilities\":{\"lodash\":{\"name\":\"lodash\","
                + "\"severity\":\"critical\",\"isDirect\":true,\"via\":[],\"effects\":[],\"range\":\"<4.17.12\","
                + "\"nodes\":[\"node_modules/lodash\"],\"fixAvailable\":true}},"
                + "\"metadata\":{\"vulnerabilities\":{\"critical\":1,\"total\":1}}}");
        m.put("semgrep", "{\"results\":[{\"check_id\":\"python.lang.eval\",\"path\":\"a.py\",\"start\":{\"line\":1,"
                + "\"col\":1},\"end\":{\"line\":1,\"col\":9},\"extra\":{\"severity\":\"ERROR\",\"message\":\"eval\"}}],"
                + "\"errors\":[],\"version\":\"1.50.0\"}");
        m.put("bandit", "{\"errors\":[],\"generated_at\":\"2024-01-01T00:00:00Z\",\"metrics\":{},\"results\":"
                + "[{\"filename\":\"a.py\",\"issue_severity\":\"LOW\",\"issue_confidence\":\"HIGH\","
                + "\"issue_text\":\"assert\",\"line_number\":1,\"test_id\":\"B101\",\"test_name\":\"assert_used\"}]}");
        m.put("checkov", "{\"check_type\":\"terraform\",\"results\":{\"passed_checks\":[],\"failed_checks\":"
                + "[{\"check_id\":\"CKV_AWS_20\",\"check_name\":\"S3 public\",\"file_path\":\"/main.tf\","
                + "\"file_line_range\":[1,5],\"resource\":\"aws_s3_bucket.a\"}]},\"summary\":{\"failed\":1}}");
        m.put("dependency-check", "{\"reportSchema\":\"1.1\",\"scanInfo\":{\"engineVersion\":\"9.0.9\"},"
                + "\"dependencies\":[{\"fileName\":\"x.jar\",\"filePath\":\"/x.jar\",\"vulnerabilities\":"
                + "[{\"source\":\"NVD\",\"name\":\"CVE-2021-44228\",\"severity\":\"CRITICAL\"}]}]}");
        m.put("cyclonedx-vex", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
                + "\"vulnerabilities\":[{\"id\":\"CVE-2021-44228\",\"ratings\":[{\"severity\":\"critical\"}],"
                + "\"affects\":[{\"ref\":\"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"}]}]}");
        m.put("secure-deploy-findings", "{\"format\":\"secure-deploy-findings\",\"version\":1,\"results\":"
                + "[{\"tool\":\"bandit\",\"findings\":[{\"ruleId\":\"B602\",\"severity\":\"HIGH\"}]}]}");
        ALL = Map.copyOf(m);
    }

    private ForeignReports() {}
}
