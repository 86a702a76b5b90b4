package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The small display helpers: advisory links, relative paths, YAML quoting, safe links. */
class ReportTextTest {
    @Test
    void advisoryLinksOnlyForIdsOfAKnownShape() {
        assertThat(Advisories.link("cve-2024-3094")).hasValue("https://nvd.nist.gov/vuln/detail/CVE-2024-3094");
        assertThat(Advisories.link("GHSA-JFH8-c2jp-5v3q")).hasValue("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(Advisories.link("PYSEC-2023-74")).hasValue("https://osv.dev/vulnerability/PYSEC-2023-74");
        assertThat(Advisories.link("GO-2024-2687")).hasValue("https://osv.dev/vulnerability/GO-2024-2687");
        assertThat(Advisories.link("CWE-079")).hasValue("https://cwe.mitre.org/data/definitions/79.html");
        assertThat(Advisories.link("CVE-2024-1\"><script>")).isEmpty();
        assertThat(Advisories.link("javascript:alert(1)")).isEmpty();
        assertThat(Advisories.link("B105")).isEmpty();
        assertThat(Advisories.link(null)).isEmpty();
    }

    @Test
    void pathsAreShownRelative() {
        assertThat(DisplayPaths.relative("file:///work/repo/src/a.py", "/work/repo")).isEqualTo("src/a.py");
        assertThat(DisplayPaths.relative("./src/a.py", "/w")).isEqualTo("src/a.py");
        assertThat(DisplayPaths.relative("/other/place/src/a.py", "/work/repo")).isEqualTo("src/a.py");
        assertThat(DisplayPaths.relative("/work/repo/", "/work/repo")).isEqualTo("work/repo");
        assertThat(DisplayPaths.relative("C:\\ws\\job\\x.js", "/w")).isEqualTo("job/x.js");
        assertThat(DisplayPaths.relative("file:///C:/ws/x.js", "")).isEqualTo("ws/x.js");
        assertThat(DisplayPaths.relative("/a", "/")).isEqualTo("a");
        assertThat(DisplayPaths.relative("", "/w")).isEmpty();
        assertThat(DisplayPaths.relative(null, "/w")).isEmpty();
    }

    @Test
    void yamlValuesAreDoubleQuotedWithEscapes() {
        assertThat(WaiveSnippet.quote("a\"b\\c\nd\u00e9")).isEqualTo("\"a\\\"b\\\\c\\u000ad\\u00e9\"");
    }

    @Test
    void linksAreHttpsOrInPage() {
        assertThat(new Html().link("#f-1", "", "x").toString()).isEqualTo("<a href=\"#f-1\">x</a>");
        assertThatThrownBy(() -> new Html().link("javascript:alert(1)", "", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlReportWriter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
