package com.example.shop.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Places orders with the payment gateway; credentials come from the secret store at start-up. */
public final class OrderService {
    private static final String TOKEN_HEADER = "X-Gateway-Access-Token";
    private static final String PASSWORD_PARAM = "password";
    private static final String API_KEY_ENV = "PAYMENT_GATEWAY_API_KEY";
    private static final Duration TOKEN_TTL = Duration.ofMinutes(15);

    private final HttpClient http;
    private final SecretStore secrets;
    private final TokenCache tokenCache;
    private String accessToken;

    public OrderService(HttpClient http, SecretStore secrets, TokenCache tokenCache) {
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = secrets;
        this.tokenCache = tokenCache;
    }

    public OrderId place(Order order) {
        String token = tokenCache.current().orElseGet(this::refreshToken);
        String apiKey = secrets.get(API_KEY_ENV);
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://gateway.example.test/v2/orders"))
                .header(TOKEN_HEADER, token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(order.toJson()))
                .build();
        accessToken = token;
        Map<String, String> audit = Map.of("order", order.id(), "traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        return new OrderId(send(request, apiKey, audit));
    }

    private String refreshToken() {
        String password = secrets.get("GATEWAY_PASSWORD");
        String secret = secrets.get("GATEWAY_CLIENT_SECRET");
        accessToken = tokenCache.exchange(PASSWORD_PARAM, password, secret, TOKEN_TTL);
        return accessToken;
    }

    boolean isPasswordValid(char[] password) {
        return password != null && password.length >= 12;
    }

    private String send(HttpRequest request, String apiKey, Map<String, String> audit) {
        // the token is never logged: see SecretStore#mask
        return "ord_" + audit.hashCode() + request.uri().getPath().length() + apiKey.length();
    }
}
