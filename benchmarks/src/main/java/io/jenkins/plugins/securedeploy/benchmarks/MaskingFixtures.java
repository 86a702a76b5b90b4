package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.EncodedForms;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Deterministic secrets and build logs for the masking benchmarks. */
final class MaskingFixtures {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SPECIAL = "!@#$%^&*/+=?-_.~";
    private static final String[] WORDS = {"INFO", "DEBUG", "WARN", "Building", "module", "compile", "test",
        "Downloading", "from", "central:", "https://repo.maven.apache.org/maven2/org/", "jar", "pom", "[main]",
        "o.a.m.Plugin", "Tests", "run:", "Failures:", "0,", "Errors:", "Skipped:", "Time", "elapsed:", "sec", "-",
        "BUILD", "SUCCESS", "Total", "time:", "/var/lib/jenkins/workspace/app/src/main/java/Foo.java", "npm", "WARN",
        "deprecated", "Step", "docker", "push", "registry.example.com/team/app:1.2.3", "sha256:", "layer", "done"};

    private MaskingFixtures() {}

    /** Realistic secret shapes: API tokens, cloud keys, hex tokens, passwords with specials. */
    static List<SecretValue> secrets(int count, long seed) {
        Random r = new Random(seed);
        List<SecretValue> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String s = switch (i % 5) {
                case 0 -> "ghp_" + random(r, ALNUM, 36);
                case 1 -> "AKIA" + random(r, ALNUM.substring(0, 26) + "234567", 16);
                case 2 -> random(r, "0123456789abcdef", 40);
                case 3 -> random(r, ALNUM + SPECIAL, 12 + r.nextInt(13));
                default -> "xoxb-" + random(r, ALNUM, 24) + "-" + random(r, ALNUM, 12);
            };
            out.add(SecretValue.of(s));
        }
        return out;
    }

    /** Every form of every secret, as the baseline regex alternation is given them. */
    static List<String> variants(List<SecretValue> secrets) {
        return secrets.stream().flatMap(s -> EncodedForms.of(s).stream()).map(EncodedForms.Form::text)
                .distinct().toList();
    }

    /** credentials-binding's shape: Pattern.quote of every secret (here: and variant) joined with |. */
    static Pattern alternation(List<String> variants) {
        return Pattern.compile(variants.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    }

    /** A build log of about {@code bytes} bytes with no secret in it. */
    static byte[] log(int bytes, long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 256);
        StringBuilder line = new StringBuilder(200);
        long t = 0;
        while (out.size() < bytes) {
            line.setLength(0);
            t += r.nextInt(500);
            line.append(String.format(Locale.ROOT, "2026-11-25T12:%02d:%02d.%03dZ ", (t / 60000) % 60,
                    (t / 1000) % 60, t % 1000));
            int words = 4 + r.nextInt(14);
            for (int w = 0; w < words; w++) {
                line.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                if (r.nextInt(6) == 0) {
                    line.append(r.nextInt(100_000)).append(' ');
                }
            }
            line.append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String random(Random r, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
