package io.jenkins.plugins.securedeploy.jenkins.config;

import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Maps the admin settings ({@link FloorValues}) to the engine's {@link PolicyFloor}, through the same policy
 * document format a project writes, so the floor is validated by the same schema and its rules are named in gate
 * messages with a JSON pointer into {@value #SOURCE}. Jenkins-free, unit-tested.
 *
 * <p>{@code failOnScannerError} has no policy field: the gate always turns a scanner error into ERROR (fail closed);
 * the setting only forces {@code runScanners(failOnError: true)}.
 */
public final class FloorPolicy {
    /** How the floor is named in gate messages. */
    public static final String SOURCE = "Jenkins security settings (Secure Deploy floor)";

    private FloorPolicy() {}

    public static PolicyFloor toPolicyFloor(FloorValues values) {
        return new PolicyFloor(new PolicyReader().read(toPolicyJson(values).getBytes(StandardCharsets.UTF_8), SOURCE));
    }

    /** The floor as a policy document (JSON, which the policy reader accepts). */
    public static String toPolicyJson(FloorValues v) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"version\":1,\"thresholds\":{\"total\":{\"critical\":").append(v.maxCritical())
                .append(",\"high\":").append(v.maxHigh()).append("},\"cvss\":")
                .append(String.format(Locale.ROOT, "%.1f", v.cvssFailThreshold())).append('}');
        if (!v.secretsAllowed()) {
            sb.append(",\"categories\":{\"SECRET\":{\"total\":{\"any\":0}}}");
        }
        sb.append(",\"evidence\":{");
        boolean first = true;
        if (v.requireSbom()) {
            sb.append("\"sbom\":true");
            first = false;
        }
        if (v.requireSignature()) {
            sb.append(first ? "" : ",").append("\"signature\":true");
        }
        sb.append("},\"waiverRules\":{\"maxDays\":").append(v.maxWaiverDays()).append(",\"allowWithoutExpiry\":")
                .append(v.allowWaiversWithoutExpiry()).append('}');
        sb.append(",\"waivers\":[");
        first = true;
        for (WaiverRulesParser.WaiverRule rule : WaiverRulesParser.parse(v.waiverRules()).rules()) {
            sb.append(first ? "" : ",").append('{');
            if (rule.id() != null && !rule.id().isEmpty()) {
                field(sb, "id", rule.id());
            } else {
                field(sb, "package", rule.packagePrefix());
            }
            sb.append(',');
            field(sb, "owner", rule.owner());
            sb.append(',');
            field(sb, "reason", rule.reason());
            rule.expires().ifPresent(d -> {
                sb.append(',');
                field(sb, "expires", d.toString());
            });
            sb.append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        quote(sb, value == null ? "" : value);
    }

    /** A JSON string literal (RFC 8259 escapes). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
