package io.jenkins.plugins.securedeploy.engine.credentials.aws;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.SafeText;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenNeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AWS STS {@code AssumeRoleWithWebIdentity} through the official SDK v2 STS client over the JDK's
 * HttpURLConnection: anonymous (the call is unsigned), no profile files or environment read, endpoint overridable,
 * the SDK's own retries limited to 5xx and throttling ({@code Throttling}, 429). STS sessions cannot be revoked one by
 * one, so the lease records its expiry (a short duration is the control).
 */
public final class AwsStsExchange implements Exchange {
    static final String PROVIDER = "aws";

    private final AwsSettings settings;
    private final String sessionName;

    /** {@code sessionName}: the settings' name, or {@link AwsSettings#sessionName} of the build. */
    public AwsStsExchange(AwsSettings settings, String job, String build) {
        this.settings = settings;
        this.sessionName = settings.sessionName() != null ? settings.sessionName() : AwsSettings.sessionName(job, build);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public TokenNeed tokenNeed() {
        if (settings.sessionTags().isEmpty()) {
            return TokenNeed.audience(settings.audience());
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        Map<String, Object> principal = new LinkedHashMap<>();
        settings.sessionTags().forEach((k, v) -> principal.put(k, List.of(v)));
        tags.put("principal_tags", principal);
        if (!settings.transitiveTagKeys().isEmpty()) {
            tags.put("transitive_tag_keys", settings.transitiveTagKeys());
        }
        return new TokenNeed(settings.audience(), null, Map.of("https://aws.amazon.com/tags", tags));
    }

    @Override
    public List<Lease> exchange(IdToken token) {
        String call = "AssumeRoleWithWebIdentity " + settings.roleArn();
        try (StsClient sts = client()) {
            AssumeRoleWithWebIdentityResponse r = sts.assumeRoleWithWebIdentity(b -> b.roleArn(settings.roleArn())
                    .roleSessionName(sessionName).webIdentityToken(token.value().reveal())
                    .durationSeconds((int) settings.duration().toSeconds()));
            Credentials c = r.credentials();
            if (c == null || c.accessKeyId() == null || c.secretAccessKey() == null || c.sessionToken() == null
                    || c.expiration() == null) {
                throw new CredentialExchangeException(PROVIDER, 200, call + " answer has no complete Credentials");
            }
            Map<String, SecretValue> env = new LinkedHashMap<>();
            env.put("AWS_ACCESS_KEY_ID", SecretValue.of(c.accessKeyId()));
            env.put("AWS_SECRET_ACCESS_KEY", SecretValue.of(c.secretAccessKey()));
            env.put("AWS_SESSION_TOKEN", SecretValue.of(c.sessionToken()));
            Map<String, String> plain = new LinkedHashMap<>();
            plain.put("AWS_REGION", settings.region());
            plain.put("AWS_DEFAULT_REGION", settings.region());
            String who = r.assumedRoleUser() == null ? settings.roleArn() : r.assumedRoleUser().arn();
            return List.of(Lease.expiring(PROVIDER, "session " + who, env, plain, c.expiration(),
                    "STS sessions cannot be revoked one by one; it expires at " + c.expiration()
                            + " (to cut it short, deny aws:TokenIssueTime before now on the role)"));
        } catch (StsException e) {
            String code = e.awsErrorDetails() == null ? "" : SafeText.code(e.awsErrorDetails().errorCode());
            String message = e.awsErrorDetails() == null ? ""
                    : SafeText.of(e.awsErrorDetails().errorMessage(), List.of(token.value()));
            throw new CredentialExchangeException(PROVIDER, e.statusCode(), call + " refused" + (code.isEmpty() ? ""
                    : ": " + code) + (message.isEmpty() ? "" : " - " + message), redacted(e));
        } catch (ApiCallAttemptTimeoutException | ApiCallTimeoutException e) {
            throw new CredentialExchangeException(PROVIDER, 0, call + " got no answer within "
                    + settings.http().readTimeout().toMillis() + " ms", redacted(e));
        } catch (SdkClientException e) {
            throw new CredentialExchangeException(PROVIDER, 0, call + " failed: " + rootType(e), redacted(e));
        }
    }

    private StsClient client() {
        StsClientBuilder b = StsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.http().connectTimeout())
                        .socketTimeout(settings.http().readTimeout())
                        .build())
                .overrideConfiguration(o -> o
                        .defaultProfileFileSupplier(() -> ProfileFile.aggregator().build())
                        .apiCallAttemptTimeout(settings.http().readTimeout())
                        .retryStrategy(StandardRetryStrategy.builder()
                                .useClientDefaults(false)
                                .maxAttempts(settings.http().retry().maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.http().retry().initialBackoff(), settings.http().retry().maxBackoff()))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.http().retry().initialBackoff(), settings.http().retry().maxBackoff()))
                                .retryOnException(AwsStsExchange::retryable)
                                .treatAsThrottling(t -> t instanceof SdkServiceException s && s.isThrottlingException())
                                .circuitBreakerEnabled(false)
                                .build()));
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        return b.build();
    }

    static boolean retryable(Throwable t) {
        return t instanceof SdkServiceException s && (s.statusCode() >= 500 || s.isThrottlingException());
    }

    private static String rootType(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** The SDK's messages may quote the request: keep types and stack traces only. */
    private static Throwable redacted(SdkException e) {
        return io.jenkins.plugins.securedeploy.engine.core.RedactedCause.of(e, "(AWS SDK message redacted)");
    }
}
