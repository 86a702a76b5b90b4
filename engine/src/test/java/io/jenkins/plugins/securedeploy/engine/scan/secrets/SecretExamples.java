package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Canonical examples of every rule, assembled at run time (the repository's own files must not contain realistic
 * secrets that other scanners would flag). Each is a line of text as it would appear in a file; the values are
 * fake.
 */
final class SecretExamples {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private SecretExamples() {}

    /** Deterministic pseudo-random alphanumerics. */
    static String rnd(int length, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    static String awsAccessKeyId() {
        return "AKIA" + "IOSFODNN7EXAMPLE";
    }

    static String privateKeyBlock(long seed) {
        StringBuilder sb = new StringBuilder("-----BEGIN " + "RSA PRIVATE KEY-----\n");
        for (int i = 0; i < 5; i++) {
            sb.append(rnd(64, seed + i)).append('\n');
        }
        return sb.append("-----END RSA PRIVATE KEY-----\n").toString();
    }

    /** Rule id → a line (or block) containing one secret of that rule. */
    static Map<String, String> byRule() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("private-key", privateKeyBlock(1));
        m.put("aws-access-key-id", "aws_access_key_id = " + awsAccessKeyId());
        m.put("aws-secret-access-key", "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY");
        m.put("google-api-key", "const key = '" + "AI" + "za" + "Sy" + rnd(33, 2) + "';");
        m.put("github-token", "GITHUB_TOKEN=" + "gh" + "p_" + rnd(36, 3));
        m.put("github-fine-grained-pat", "token: " + "github" + "_pat_" + rnd(22, 4) + "_" + rnd(59, 5));
        m.put("gitlab-pat", "export GL_TOKEN=" + "gl" + "pat-" + rnd(20, 6));
        m.put("slack-token", "slack.bot = " + "xo" + "xb-" + "1234567890-1234567890123-" + rnd(24, 7));
        m.put("slack-webhook", "url: " + "https://hooks.slack" + ".com/services/" + "T0A1B2C3D/B4E5F6G7H/" + rnd(24, 8));
        m.put("stripe-live-key", "Stripe.apiKey = \"" + "sk_" + "live_" + rnd(24, 9) + "\";");
        m.put("npm-token", "//registry.npmjs.org/:_authToken=" + "np" + "m_" + rnd(36, 10));
        m.put("jwt", "Authorization: Bearer " + "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "ey"
                + "JzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ." + rnd(43, 11));
        m.put("generic-secret", "db_password = \"" + "Zq8#rT2!mK9$vL4@pX7w" + "\"");
        return m;
    }
}
