package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.util.List;

/**
 * The default rule set. Order matters: when two rules match overlapping text on a line, the earlier rule wins (so a
 * GitHub token assigned to {@code GITHUB_TOKEN=} is reported once, as a GitHub token, not also as a generic secret).
 * Every rule whose pattern is case-sensitive where its matches begin is {@linkplain SecretRule#cased cased}: its
 * keywords are written exactly as its matches begin.
 */
public final class SecretRules {
    /** Version of the rule set, reported as the scan result's tool version. */
    public static final String VERSION = "1";

    /** The rule whose findings extend over a whole PEM block (header to END line). */
    public static final String PRIVATE_KEY = "private-key";

    /** The free-form assignment rule. */
    public static final String GENERIC = "generic-secret";

    /** Default entropy floor of the generic rule, in bits per character. */
    public static final double GENERIC_MIN_ENTROPY = 3.5;

    private static final String ASSIGN = "[\"'\\]]{0,2}[ \\t]*(?:=>|:=|:|=)(?!=)[ \\t]*";

    private SecretRules() {}

    /**
     * The default rules. Compiled once per JVM (immutable: records over thread-safe {@link java.util.regex.Pattern}s),
     * so the scans of a process (a Jenkins controller or agent runs many) share one compile.
     */
    public static List<SecretRule> defaults() {
        return Compiled.RULES;
    }

    /** Holder: compiled by the first caller (class initialisation makes concurrent callers wait for it). */
    private static final class Compiled {
        static final List<SecretRule> RULES = compile();

        private Compiled() {}
    }

    private static List<SecretRule> compile() {
        return List.of(
                SecretRule.cased(PRIVATE_KEY, "Private key", Severity.CRITICAL,
                        "-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----",
                        "-----BEGIN"),
                SecretRule.cased("aws-access-key-id", "AWS access key ID", Severity.CRITICAL,
                        "\\b((?:AKIA|ASIA)[A-Z2-7]{16})\\b", "AKIA", "ASIA"),
                SecretRule.of("aws-secret-access-key", "AWS secret access key", Severity.CRITICAL,
                        "(?i)secret[_.-]?access[_.-]?key" + ASSIGN
                                + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
                        "secret_access_key", "secretaccesskey", "secret-access-key", "secret.access.key")
                        .withMinEntropy(3.0),
                SecretRule.cased("google-api-key", "Google API key", Severity.CRITICAL,
                        "\\b(AIza[0-9A-Za-z_\\-]{35})(?![0-9A-Za-z_\\-])", "AIza"),
                SecretRule.cased("github-token", "GitHub token", Severity.HIGH,
                        "\\b(gh[pousr]_[A-Za-z0-9]{36,251})\\b", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                SecretRule.cased("github-fine-grained-pat", "GitHub fine-grained personal access token", Severity.HIGH,
                        "\\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\\b", "github_pat_"),
                SecretRule.cased("gitlab-pat", "GitLab personal access token", Severity.HIGH,
                        "\\b(glpat-[A-Za-z0-9_\\-]{20})(?![A-Za-z0-9_\\-])", "glpat-"),
                SecretRule.cased("slack-token", "Slack token", Severity.HIGH,
                        "\\b(xox[bpa]-[0-9]{1,14}(?:-[0-9]{8,14}){1,2}-[A-Za-z0-9]{20,48})\\b",
                        "xoxb-", "xoxp-", "xoxa-"),
                SecretRule.cased("slack-webhook", "Slack incoming webhook URL", Severity.HIGH,
                        "(https://hooks\\.slack\\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32})",
                        "https://hooks.slack.com"),
                SecretRule.cased("stripe-live-key", "Stripe live secret or restricted key", Severity.HIGH,
                        "\\b([sr]k_live_[A-Za-z0-9]{20,99})\\b", "sk_live_", "rk_live_"),
                SecretRule.cased("npm-token", "npm access token", Severity.HIGH,
                        "\\b(npm_[A-Za-z0-9]{36})\\b", "npm_"),
                SecretRule.cased("jwt", "JSON Web Token", Severity.MEDIUM,
                        "\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})", "eyJ"),
                SecretRule.of(GENERIC, "Secret assigned in code or configuration", Severity.HIGH,
                        "(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)"
                                + "(?:[_.-]?(?:key|value|token|secret|b64|base64))?s?\\d{0,3}" + ASSIGN
                                + "(?:\"((?:[^\"\\\\\\r\\n]|\\\\.){16,256})\""
                                + "|'([^'\\r\\n]{16,256})'"
                                + "|`([^`\\r\\n]{16,256})`"
                                + "|([^\\s\"'`,;#()\\[\\]{}<>]{16,256})(?=[\\s,;#)\\]}]|$))",
                        "password", "passwd", "pwd", "secret", "token", "api_key", "api-key", "apikey",
                        "access_key", "access-key", "accesskey")
                        .withMinEntropy(GENERIC_MIN_ENTROPY)
                        .asGeneric());
    }
}
