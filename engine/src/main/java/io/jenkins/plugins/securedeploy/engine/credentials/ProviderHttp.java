package io.jenkins.plugins.securedeploy.engine.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One provider's HTTP calls over {@code java.net.http}: connect and read timeouts, retries with backoff on 5xx and
 * throttling only, and failures that name the provider, the call (method and path, never a query or body) and the
 * status. Responses with any other status are returned for the exchange to interpret. Thread-safe.
 */
public final class ProviderHttp {
    /** A response: status and body bytes. */
    public record Response(int status, byte[] body, Map<String, java.util.List<String>> headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String provider;
    private final HttpSettings settings;
    private final HttpClient client;
    private final Predicate<Response> throttled;

    public ProviderHttp(String provider, HttpSettings settings) {
        this(provider, settings, r -> false);
    }

    /** {@code throttled}: a provider-specific throttling signal besides 429 (retried like a 5xx). */
    public ProviderHttp(String provider, HttpSettings settings, Predicate<Response> throttled) {
        this.provider = provider;
        this.settings = settings;
        this.throttled = throttled;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String provider() {
        return provider;
    }

    /** A request builder for {@code uri} with the read timeout set. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
    }

    /** {@code application/x-www-form-urlencoded} body of the given fields (in order). */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /**
     * Sends with retries. Returns the first response that is neither 5xx nor throttling, or throws when attempts are
     * exhausted, the call times out or the connection fails.
     */
    public Response send(HttpRequest request) throws InterruptedException {
        String call = request.method() + " " + request.uri().getPath();
        Response last = null;
        for (int attempt = 1; attempt <= settings.retry().maxAttempts(); attempt++) {
            try {
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                last = new Response(r.statusCode(), r.body(), r.headers().map());
            } catch (HttpConnectTimeoutException e) {
                throw new CredentialExchangeException(provider, 0, call + " could not connect within "
                        + settings.connectTimeout().toMillis() + " ms", e);
            } catch (HttpTimeoutException e) {
                throw new CredentialExchangeException(provider, 0, call + " got no answer within "
                        + settings.readTimeout().toMillis() + " ms", e);
            } catch (IOException e) {
                throw new CredentialExchangeException(provider, 0, call + " failed: " + e.getClass().getSimpleName(),
                        e);
            }
            if (!retryable(last)) {
                return last;
            }
            if (attempt < settings.retry().maxAttempts()) {
                Thread.sleep(wait(last, attempt).toMillis());
            }
        }
        throw new CredentialExchangeException(provider, last.status(), call + " still "
                + (last.status() == 429 || throttled.test(last) ? "throttled" : "failing") + " after "
                + settings.retry().maxAttempts() + " attempts");
    }

    private boolean retryable(Response r) {
        return r.status() >= 500 || r.status() == 429 || throttled.test(r);
    }

    private Duration wait(Response r, int attempt) {
        Duration backoff = settings.retry().backoff(attempt);
        Optional<String> retryAfter = r.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Retry-After") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
        if (retryAfter.isPresent() && retryAfter.get().matches("\\d{1,6}")) {
            Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.get()));
            Duration cap = settings.retry().maxBackoff();
            return asked.compareTo(cap) > 0 ? cap : asked.compareTo(backoff) > 0 ? asked : backoff;
        }
        return backoff;
    }
}
