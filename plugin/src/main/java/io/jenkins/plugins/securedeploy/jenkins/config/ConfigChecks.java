package io.jenkins.plugins.securedeploy.jenkins.config;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.AdminWaiverReader;
import io.jenkins.plugins.securedeploy.engine.policy.FloorSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of the admin configuration as pure functions (no Jenkins imports), shared by the form checks
 * ({@code doCheck*}), the setters (Configuration as Code) and {@link FloorValues}. Messages never repeat the input.
 */
final class ConfigChecks {
    private static final Pattern TOOL_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private ConfigChecks() {}

    /** Outcome of one check. */
    enum Kind {
        OK,
        WARNING,
        ERROR
    }

    /** A check result: its kind and a message for people (empty when OK). */
    record Check(Kind kind, String message) {
        static final Check OK = new Check(Kind.OK, "");

        static Check error(String message) {
            return new Check(Kind.ERROR, message);
        }

        static Check warning(String message) {
            return new Check(Kind.WARNING, message);
        }

        boolean isError() {
            return kind == Kind.ERROR;
        }
    }

    /** A finding-count limit: a whole number from 0 to {@link FloorValues#MAX_COUNT}. */
    static Check count(String value) {
        return wholeNumber(value, 0, FloorValues.MAX_COUNT, "a finding count");
    }

    /** Days a waiver may run: 1 to {@link FloorValues#MAX_WAIVER_DAYS}. */
    static Check waiverDays(String value) {
        return wholeNumber(value, 1, FloorValues.MAX_WAIVER_DAYS, "a number of days");
    }

    /** A scanner timeout in seconds: 1 to {@link FloorValues#MAX_TIMEOUT_SECONDS}. */
    static Check timeout(String value) {
        return wholeNumber(value, 1, FloorValues.MAX_TIMEOUT_SECONDS, "a timeout in seconds");
    }

    /** A CVSS score threshold: 0.0 to 10.0. */
    static Check cvss(String value) {
        if (value == null || value.isBlank()) {
            return Check.error("Enter a CVSS score from 0.0 to 10.0.");
        }
        try {
            double score = Double.parseDouble(value.trim());
            if (Double.isNaN(score) || score < 0.0 || score > 10.0) {
                return Check.error("A CVSS score is from 0.0 to 10.0.");
            }
            if (score == 0.0) {
                return Check.warning("0.0 fails the gate on every finding that has a CVSS score.");
            }
            return Check.OK;
        } catch (NumberFormatException e) {
            return Check.error("Enter a CVSS score from 0.0 to 10.0, for example 7.0.");
        }
    }

    /** A scanner tool id as the engine's registry spells it: lower case letters, digits and '-'. */
    static Check toolId(String value) {
        if (value == null || !TOOL_ID.matcher(value.trim()).matches()) {
            return Check.error("A tool id is lower case letters, digits and '-', starting with a letter "
                    + "(for example trivy, grype, gitleaks).");
        }
        return Check.OK;
    }

    /** An executable: empty (use the tool id on the agent's PATH) or a path without control characters or quotes. */
    static Check executable(String value) {
        if (value == null || value.isBlank()) {
            return Check.OK;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '"' || c == '\'' || c == '`' || c == '$' || c == ';'
                    || c == '|' || c == '&') {
                return Check.error("An executable is a plain path; it is run without a shell, so quotes, "
                        + "'$', ';', '|', '&' and control characters are not allowed.");
            }
        }
        return Check.OK;
    }

    /**
     * Org-wide waivers: errors for text that does not parse or lacks required fields, or that breaks the floor's
     * waiver limits ({@code maxWaiverDays}, expiry required); warnings for waivers that have already expired.
     */
    static Check waiverRules(String text, String maxWaiverDays, boolean allowWaiversWithoutExpiry, LocalDate today) {
        AdminWaiverReader.Result result = new AdminWaiverReader(FloorSettings.WAIVER_SOURCE).read(text);
        if (!result.errors().isEmpty()) {
            return Check.error(describe(result.errors()));
        }
        int days = waiverDays(maxWaiverDays).isError() ? FloorValues.DEFAULTS.maxWaiverDays()
                : Integer.parseInt(maxWaiverDays.trim());
        List<Problem> limits = AdminWaiverReader.checkLimits(result.waivers(), days, allowWaiversWithoutExpiry, today);
        if (!limits.isEmpty()) {
            return Check.error(describe(limits));
        }
        List<Problem> expired = AdminWaiverReader.expired(result.waivers(), today);
        if (!expired.isEmpty()) {
            return Check.warning(describe(expired));
        }
        return Check.OK;
    }

    /** Token lifetime minutes: 1 to 60 (the engine's ceiling); throws naming the field. */
    static int minutes(int value, String field) {
        if (value < 1 || value > 60) {
            throw new IllegalArgumentException(field + ": enter 1 to 60 minutes");
        }
        return value;
    }

    /** Throws {@link IllegalArgumentException} naming the field when a check is an error (used by setters). */
    static void requireValid(Check check, String field) {
        if (check.isError()) {
            throw new IllegalArgumentException(field + ": " + check.message());
        }
    }

    static String describe(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p.describe());
        }
        return sb.toString();
    }

    private static Check wholeNumber(String value, int min, int max, String what) {
        String hint = String.format(Locale.ROOT, "Enter %s from %d to %d.", what, min, max);
        if (value == null || value.isBlank()) {
            return Check.error(hint);
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n < min || n > max ? Check.error(hint) : Check.OK;
        } catch (NumberFormatException e) {
            return Check.error(hint);
        }
    }
}
