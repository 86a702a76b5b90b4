package io.jenkins.plugins.securedeploy.jenkins.config;

import io.jenkins.plugins.securedeploy.engine.policy.FloorSettings;
import java.util.List;
import java.util.Objects;

/**
 * The admin configuration as a plain value (no Jenkins types): what the steps map to the engine's policy floor and
 * scanner settings. A Jenkinsfile may make these stricter, never weaker.
 *
 * @param maxCritical most CRITICAL findings a gate may accept (0 = none)
 * @param maxHigh most HIGH findings a gate may accept
 * @param secretsAllowed whether detected secrets may pass a gate (default false)
 * @param failOnScannerError whether a crashed, timed-out or unreadable scanner fails the gate (default true)
 * @param cvssFailThreshold findings with a CVSS score at or above this fail the gate (0.0-10.0)
 * @param requireSignature whether deployed artifacts must carry a verified signature
 * @param requireSbom whether deployments must record an SBOM
 * @param maxWaiverDays the longest a waiver may run, counted from today
 * @param allowWaiversWithoutExpiry whether a waiver may omit its expiry date (default false)
 * @param scanners the default scanners
 * @param waiverRules organisation-wide waivers as YAML/JSON text (read by the engine's {@link io.jenkins.plugins.securedeploy.engine.policy.AdminWaiverReader})
 */
public record FloorValues(int maxCritical, int maxHigh, boolean secretsAllowed, boolean failOnScannerError,
        double cvssFailThreshold, boolean requireSignature, boolean requireSbom, int maxWaiverDays,
        boolean allowWaiversWithoutExpiry, List<ScannerDefault> scanners, String waiverRules) {

    /** How the floor is named in gate messages. */
    public static final String SOURCE = "Jenkins security settings (Secure Deploy floor)";

    /** Highest accepted finding count; a floor is a limit, not "unlimited". */
    public static final int MAX_COUNT = 100_000;

    /** Longest waiver an admin may allow (ten years). */
    public static final int MAX_WAIVER_DAYS = 3650;

    /** Longest scanner timeout (one day). */
    public static final int MAX_TIMEOUT_SECONDS = 86_400;

    /** The defaults of a fresh installation: strict. */
    public static final FloorValues DEFAULTS =
            new FloorValues(0, 0, false, true, 9.0, false, false, 90, false, List.of(), "");

    public FloorValues {
        ConfigChecks.requireValid(ConfigChecks.count(Integer.toString(maxCritical)), "maxCritical");
        ConfigChecks.requireValid(ConfigChecks.count(Integer.toString(maxHigh)), "maxHigh");
        ConfigChecks.requireValid(ConfigChecks.cvss(Double.toString(cvssFailThreshold)), "cvssFailThreshold");
        ConfigChecks.requireValid(ConfigChecks.waiverDays(Integer.toString(maxWaiverDays)), "maxWaiverDays");
        scanners = List.copyOf(scanners);
        waiverRules = waiverRules == null ? "" : waiverRules;
    }

    /**
     * The floor part as the engine's settings, named {@value #SOURCE} in gate messages; the engine turns them into
     * its {@code PolicyFloor} ({@link FloorSettings#toFloor()}), organisation-wide waivers (with their {@code package}
     * prefix) included. {@code failOnScannerError} has no floor field: the gate always turns a scanner error into
     * ERROR (fail closed); the setting only forces {@code runScanners(failOnError: true)}.
     */
    public FloorSettings toFloorSettings() {
        return new FloorSettings(maxCritical, maxHigh, secretsAllowed, cvssFailThreshold, requireSignature,
                requireSbom, maxWaiverDays, allowWaiversWithoutExpiry, waiverRules, SOURCE);
    }

    /** One default scanner: the tool id from the engine's registry, how to run it, and its timeout. */
    public record ScannerDefault(String toolId, String executable, List<String> arguments, int timeoutSeconds) {
        public ScannerDefault {
            ConfigChecks.requireValid(ConfigChecks.toolId(toolId), "toolId");
            executable = executable == null ? "" : executable.trim();
            ConfigChecks.requireValid(ConfigChecks.executable(executable), "executable");
            arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
            ConfigChecks.requireValid(ConfigChecks.timeout(Integer.toString(timeoutSeconds)), "timeoutSeconds");
        }
    }
}
