package io.jenkins.plugins.securedeploy.engine.credentials;

import java.time.Duration;
import java.util.Objects;

/** Connect and read timeouts and the retry policy of one provider's calls. */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {
    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** 5 s to connect, 15 s to answer, {@link RetryPolicy#defaults()}. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), RetryPolicy.defaults());
    }
}
