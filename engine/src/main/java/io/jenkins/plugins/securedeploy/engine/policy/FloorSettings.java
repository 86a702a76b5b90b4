package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An administrator's minimum as plain settings (the Jenkins security page, a JCasC file), turned into the engine's
 * {@link PolicyFloor} as values — no policy document is written and re-read. Each floor rule is located at the
 * setting's name in {@code source}, so a gate message says "weaker than the floor (Jenkins security settings at
 * maxHigh)". {@code waiverRules} is the organisation-wide waiver text ({@link AdminWaiverReader}); a waiver's
 * {@code package} narrows it to package URLs with that prefix.
 *
 * @param maxCritical most CRITICAL findings a gate may accept (0 = none)
 * @param maxHigh most HIGH findings a gate may accept
 * @param secretsAllowed whether detected secrets may pass a gate (default false)
 * @param cvssFailThreshold findings with a CVSS score at or above this fail the gate (0.0-10.0)
 * @param requireSignature whether deployed artifacts must carry a verified signature
 * @param requireSbom whether deployments must record an SBOM
 * @param maxWaiverDays the longest a waiver may run, counted from today
 * @param allowWaiversWithoutExpiry whether a waiver may omit its expiry date (default false)
 * @param waiverRules organisation-wide waivers as YAML/JSON text ("" = none)
 * @param source how the floor is named in messages
 */
public record FloorSettings(int maxCritical, int maxHigh, boolean secretsAllowed, double cvssFailThreshold,
        boolean requireSignature, boolean requireSbom, int maxWaiverDays, boolean allowWaiversWithoutExpiry,
        String waiverRules, String source) {
    /** Where the organisation-wide waivers are located in problems. */
    public static final String WAIVER_SOURCE = "waiverRules";

    /** The defaults of a fresh installation: strict. */
    public static final FloorSettings DEFAULTS =
            new FloorSettings(0, 0, false, 9.0, false, false, 90, false, "", "admin floor");

    public FloorSettings {
        if (maxCritical < 0 || maxHigh < 0 || maxWaiverDays < 0) {
            throw new IllegalArgumentException("floor counts and days must be >= 0");
        }
        if (!(cvssFailThreshold >= 0.0 && cvssFailThreshold <= 10.0)) {
            throw new IllegalArgumentException("cvssFailThreshold must be within 0.0-10.0");
        }
        waiverRules = waiverRules == null ? "" : waiverRules;
        Objects.requireNonNull(source, "source");
    }

    /** The same settings named {@code value} in messages. */
    public FloorSettings withSource(String value) {
        return new FloorSettings(maxCritical, maxHigh, secretsAllowed, cvssFailThreshold, requireSignature,
                requireSbom, maxWaiverDays, allowWaiversWithoutExpiry, waiverRules, value);
    }

    /**
     * The floor as values.
     *
     * @throws io.jenkins.plugins.securedeploy.engine.core.InvalidInputException when the waiver text is invalid
     *     (every problem, located in {@value #WAIVER_SOURCE})
     */
    public PolicyFloor toFloor() {
        List<Waiver> waivers = new AdminWaiverReader(WAIVER_SOURCE).read(waiverRules).orThrow();
        Map<Severity, Integer> total = new EnumMap<>(Severity.class);
        total.put(Severity.CRITICAL, maxCritical);
        total.put(Severity.HIGH, maxHigh);
        Thresholds thresholds = new Thresholds(new SeverityLimits(total, null), SeverityLimits.NONE,
                cvssFailThreshold);
        Map<Category, Thresholds> categories = new EnumMap<>(Category.class);
        if (!secretsAllowed) {
            categories.put(Category.SECRET, new Thresholds(new SeverityLimits(Map.of(), 0), SeverityLimits.NONE,
                    null));
        }
        Map<String, Location> at = new LinkedHashMap<>();
        setting(at, "/thresholds/total/critical", "maxCritical");
        setting(at, "/thresholds/total/high", "maxHigh");
        setting(at, "/thresholds/cvss", "cvssFailThreshold");
        setting(at, "/categories/SECRET/total/any", "secretsAllowed");
        setting(at, "/evidence/sbom", "requireSbom");
        setting(at, "/evidence/signature", "requireSignature");
        setting(at, "/waiverRules/maxDays", "maxWaiverDays");
        setting(at, "/waiverRules/allowWithoutExpiry", "allowWaiversWithoutExpiry");
        Policy rules = new Policy(thresholds, null, Map.of(), categories, List.of(),
                new EvidenceRequirements(requireSbom ? Boolean.TRUE : null, requireSignature ? Boolean.TRUE : null,
                        null, null),
                new WaiverRules(maxWaiverDays, allowWaiversWithoutExpiry), OverrideRules.NONE, waivers, source, at,
                ComponentRules.NONE);
        return new PolicyFloor(rules);
    }

    private void setting(Map<String, Location> at, String pointer, String name) {
        at.put(pointer, Location.ofPointer(source, name, 0, 0));
    }
}
