package io.jenkins.plugins.securedeploy.engine.scan;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * CVSS v3.0/v3.1 base score from a vector string ({@code CVSS:3.1/AV:N/AC:L/...}), per the FIRST specification
 * (section 7.1, with 3.1's Roundup). For reports that give a vector but no score (OSV). Anything else — v2, v4,
 * malformed — is NaN, which callers map to UNKNOWN (fail closed).
 */
public final class Cvss3 {
    private Cvss3() {}

    public static double baseScore(String vector) {
        if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
            return Double.NaN;
        }
        Map<String, String> m = new HashMap<>();
        for (String part : vector.substring(9).split("/")) {
            String[] kv = part.split(":", 2);
            if (kv.length != 2 || m.putIfAbsent(kv[0], kv[1]) != null) {
                return Double.NaN;
            }
        }
        boolean changed = "C".equals(m.get("S"));
        if (!changed && !"U".equals(m.get("S"))) {
            return Double.NaN;
        }
        double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
        double pr = pick(m.get("PR"), "N", 0.85, "L", changed ? 0.68 : 0.62, "H", changed ? 0.5 : 0.27);
        double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
        double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
        double i = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
        double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
        if (Double.isNaN(av + ac + pr + ui + c + i + a)) {
            return Double.NaN;
        }
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) {
            return 0;
        }
        double raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
        return roundUp(raw);
    }

    /** CVSS 3.1 Roundup: smallest number with one decimal that is >= the input, robust to float error. */
    static double roundUp(double value) {
        long intInput = Math.round(value * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return BigDecimal.valueOf(Math.floorDiv(intInput, 10_000) + 1).divide(BigDecimal.TEN).doubleValue();
    }

    private static double pick(String value, Object... pairs) {
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k].equals(value)) {
                return ((Number) pairs[k + 1]).doubleValue();
            }
        }
        return Double.NaN;
    }
}
