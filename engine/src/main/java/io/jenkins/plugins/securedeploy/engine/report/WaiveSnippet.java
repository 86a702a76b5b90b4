package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The YAML waiver a reader copies from a finding's row into {@code .secure-deploy.yml} (one item of its
 * {@code waivers:} list): it matches by the finding's fingerprint, narrowed to its tool, so it waives exactly that
 * finding and no other; owner and reason are placeholders the person accepting the risk fills in; the expiry is the
 * report's suggestion (within the policy's {@code waiverRules.maxDays}). Every value is a double-quoted YAML scalar
 * with escapes, so no tool text can add keys.
 */
public final class WaiveSnippet {
    public static final String OWNER_PLACEHOLDER = "REPLACE-with-owner";
    private static final Pattern TOOL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private WaiveSnippet() {}

    public static String of(Finding f, LocalDate expires) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("- fingerprint: ").append(quote(f.fingerprint())).append('\n');
        if (TOOL.matcher(f.tool()).matches()) {
            sb.append("  tool: ").append(quote(f.tool())).append('\n');
        }
        String what = f.ids().isEmpty() ? f.ruleId() : f.ids().get(0);
        String where = GateReport.where(f);
        String reason = "REPLACE with why the risk is accepted: " + what + (where.isEmpty() ? "" : " at " + where);
        sb.append("  owner: ").append(quote(OWNER_PLACEHOLDER)).append('\n')
                .append("  reason: ").append(quote(reason.length() > 300 ? reason.substring(0, 300) : reason))
                .append('\n').append("  expires: ").append(quote(expires.toString())).append('\n');
        return sb.toString();
    }

    /** A YAML double-quoted scalar: backslash, quote and every control or non-ASCII character escaped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
