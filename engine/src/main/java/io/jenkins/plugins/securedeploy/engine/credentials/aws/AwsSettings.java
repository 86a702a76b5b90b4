package io.jenkins.plugins.securedeploy.engine.credentials.aws;

import io.jenkins.plugins.securedeploy.engine.credentials.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AWS STS {@code AssumeRoleWithWebIdentity}.
 *
 * @param roleArn      the role to assume ({@code arn:aws:iam::123456789012:role/deploy})
 * @param region       the STS region (also exported as {@code AWS_REGION} / {@code AWS_DEFAULT_REGION})
 * @param endpoint     STS endpoint override ({@code null}: the SDK's regional endpoint)
 * @param sessionName  the role session name ({@code null}: derived from the build, see {@link #sessionName(String,
 *                     String)})
 * @param duration     session duration, 15 min to 12 h (default 15 min)
 * @param sessionTags  session tags, sent as the ID token's {@code https://aws.amazon.com/tags} claim (AWS takes web
 *                     identity session tags from the token, not from the request)
 * @param transitiveTagKeys tags that pass on to chained roles
 * @param audience     the ID token's audience (default {@code sts.amazonaws.com})
 */
public record AwsSettings(String roleArn, String region, URI endpoint, String sessionName, Duration duration,
        Map<String, String> sessionTags, List<String> transitiveTagKeys, String audience, HttpSettings http) {
    public AwsSettings {
        Objects.requireNonNull(roleArn, "roleArn");
        if (!roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
            throw new IllegalArgumentException("roleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>),"
                    + " was '" + roleArn + "'");
        }
        Objects.requireNonNull(region, "region");
        duration = duration == null ? Duration.ofMinutes(15) : duration;
        if (duration.compareTo(Duration.ofMinutes(15)) < 0 || duration.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("an STS session lasts 15 minutes to 12 hours, was " + duration);
        }
        sessionTags = sessionTags == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(sessionTags));
        transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
        audience = audience == null || audience.isBlank() ? "sts.amazonaws.com" : audience;
        http = http == null ? HttpSettings.defaults() : http;
    }

    public static AwsSettings of(String roleArn, String region) {
        return new AwsSettings(roleArn, region, null, null, null, null, null, null, null);
    }

    /** {@code <job>-<build>} with characters STS refuses replaced by {@code -}, 2 to 64 characters. */
    public static String sessionName(String job, String build) {
        String name = (job + (build.isEmpty() ? "" : "-" + build)).replaceAll("[^\\w+=,.@-]", "-");
        if (name.length() < 2) {
            name = "secure-deploy-" + name;
        }
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }
}
