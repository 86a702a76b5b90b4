package io.jenkins.plugins.securedeploy.engine.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1, port 0, standing in for a provider's endpoint in tests: each route answers with
 * queued responses (the last one repeats) or a function of the request, and every call is recorded (method, path,
 * query, headers, body) so tests prove what was sent - a revocation, a retry, the absence of a call.
 */
public final class LoopbackServer implements AutoCloseable {
    /** One recorded call. */
    public record Call(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    /** One canned answer. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers, Duration delay) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of(), Duration.ZERO);
        }

        public static Reply xml(int status, String body) {
            return new Reply(status, "text/xml", body, Map.of(), Duration.ZERO);
        }

        public static Reply empty(int status) {
            return new Reply(status, "text/plain", "", Map.of(), Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, contentType, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Function<Call, Reply>>> routes = new LinkedHashMap<>();

    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback server", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code method path} with these replies in turn; the last one repeats. */
    public synchronized LoopbackServer on(String method, String path, Reply... replies) {
        Deque<Function<Call, Reply>> q = new ArrayDeque<>();
        for (Reply r : replies) {
            q.add(c -> r);
        }
        routes.put(method + " " + path, q);
        return this;
    }

    /** Answers {@code method path} with a function of the call. */
    public synchronized LoopbackServer on(String method, String path, Function<Call, Reply> answer) {
        Deque<Function<Call, Reply>> q = new ArrayDeque<>();
        q.add(answer);
        routes.put(method + " " + path, q);
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String url(String path) {
        return uri() + path;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", v)));
            Call call = new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    headers, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(call);
            Function<Call, Reply> answer = next(call.method() + " " + call.path());
            Reply reply = answer == null ? Reply.json(404, "{\"errors\":[\"no route\"]}") : answer.apply(call);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private synchronized Function<Call, Reply> next(String key) {
        Deque<Function<Call, Reply>> q = routes.get(key);
        if (q == null) {
            return null;
        }
        return q.size() > 1 ? q.poll() : q.peek();
    }

    /** Every recorded request body and header value, for canary checks of what the server saw. */
    public List<String> seen() {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> {
            out.add(c.body());
            out.addAll(c.headers().values());
        });
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
