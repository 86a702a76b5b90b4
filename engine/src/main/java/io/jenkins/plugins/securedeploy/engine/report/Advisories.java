package io.jenkins.plugins.securedeploy.engine.report;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public advisory page of a vulnerability id, built from a fixed https prefix and an id of a known shape only
 * (so a tool's text can never become a link target): CVE → NVD, GHSA → the GitHub advisory database, the OSV
 * ecosystems' ids (PYSEC, GO, RUSTSEC, OSV, …) → osv.dev, CWE → MITRE. Anything else gets no link.
 */
public final class Advisories {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,9}");
    private static final Pattern GHSA = Pattern.compile("GHSA(-[0-9a-z]{4}){3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern OSV = Pattern.compile("(PYSEC|GO|RUSTSEC|OSV|GSD|MAL|RSEC|DLA|DSA|USN|ALSA|RLSA)"
            + "-[0-9A-Za-z:._-]{1,40}");
    private static final Pattern CWE = Pattern.compile("CWE-(\\d{1,5})");

    private Advisories() {}

    /** The advisory URL of {@code id}, if it is an id this knows. */
    public static Optional<String> link(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String v = id.strip();
        String upper = v.toUpperCase(Locale.ROOT);
        if (CVE.matcher(upper).matches()) {
            return Optional.of("https://nvd.nist.gov/vuln/detail/" + upper);
        }
        if (GHSA.matcher(v).matches()) {
            return Optional.of("https://github.com/advisories/GHSA" + v.substring(4).toLowerCase(Locale.ROOT));
        }
        if (OSV.matcher(v).matches()) {
            return Optional.of("https://osv.dev/vulnerability/" + v);
        }
        java.util.regex.Matcher cwe = CWE.matcher(upper);
        if (cwe.matches()) {
            return Optional.of("https://cwe.mitre.org/data/definitions/" + Integer.parseInt(cwe.group(1)) + ".html");
        }
        return Optional.empty();
    }
}
