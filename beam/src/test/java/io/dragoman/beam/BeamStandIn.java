package io.dragoman.beam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dragoman.core.testing.SyntheticNews;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for OpenAI's chat completions API on 127.0.0.1 that a job reaches over the network, with faults: it
 * answers the two seeds from their reference translation and summary, forwards every other request to a {@link
 * io.dragoman.core.testing.StandInModel} (the synthetic articles), and in front of both injects the faults a {@link
 * Faults} plan names. It counts what it answered by request hash, so a test can tell whether a request was paid twice.
 */
final class BeamStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_SEED = "000_9d6d41b7495442df";
    private static final String SECOND_SEED = "002_2bc17d9c9461e4a0";
    /** Words of each seed's German title and of its English one: a summary request carries the English. */
    private static final Map<String, String[]> SEEDS = Map.of(
            FIRST_SEED, new String[] {"Belarus und Russland vereinbarten", "Belarus and Russia agreed to coordinate"},
            SECOND_SEED, new String[] {"Alejnik und Lawrow", "Aleinik and Lavrov"});

    /** What to do to a request before it is answered. */
    enum Fault {
        /** 429 with {@code Retry-After: 0}. */
        RATE_LIMITED,
        /** 500. */
        SERVER_ERROR,
        /** 503. */
        UNAVAILABLE,
        /** 200 with a body that is not JSON. */
        GARBAGE
    }

    /** Which fault, if any, a request meets. */
    interface Faults {
        /** No faults. */
        Faults NONE = (article, attempt) -> Optional.empty();

        /**
         * The fault for a request.
         *
         * @param article the synthetic article's number the request is about, -1 for none (a seed)
         * @param attempt how many times this same request arrived before, 0 the first time
         */
        Optional<Fault> fault(long article, int attempt);
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI model;
    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Map<String, String> about = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private volatile Faults faults = Faults.NONE;

    private BeamStandIn(HttpServer server, ExecutorService threads, URI model) {
        this.server = server;
        this.threads = threads;
        this.model = model;
    }

    /** Starts a stand-in that forwards the synthetic articles' requests to the model at {@code modelBaseUrl}. */
    static BeamStandIn start(String modelBaseUrl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        server.setExecutor(threads);
        BeamStandIn standIn = new BeamStandIn(server, threads, URI.create(modelBaseUrl + "/chat/completions"));
        server.createContext("/v1/chat/completions", standIn::handle);
        server.start();
        return standIn;
    }

    /** The base URL to give the job. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** From now on, requests meet these faults. */
    void faults(Faults plan) {
        faults = plan;
    }

    /** Requests that arrived, faulted or not. */
    int requests() {
        return requests.get();
    }

    /** Requests that met a fault. */
    int faulted() {
        return faulted.get();
    }

    /** Requests answered with a reply, each counted once however often it came: what a provider bills. */
    int paid() {
        return answered.size();
    }

    /** The distinct requests answered more than once: each was paid twice. */
    Set<String> paidTwice() {
        Set<String> twice = ConcurrentHashMap.newKeySet();
        answered.forEach((hash, n) -> {
            if (n.get() > 1) {
                twice.add(hash);
            }
        });
        return twice;
    }

    /** The most times one request arrived. */
    int mostArrivals() {
        return arrivals.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    /** The requests that arrived more than {@code times} times, with what each was about and how often it came. */
    Map<String, Integer> arrivedMoreThan(int times) {
        Map<String, Integer> more = new java.util.TreeMap<>();
        arrivals.forEach((hash, n) -> {
            if (n.get() > times) {
                more.merge(about.get(hash) + " " + hash.substring(0, 8), n.get(), Integer::sum);
            }
        });
        return more;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.incrementAndGet();
            String hash = sha256(body);
            int attempt =
                    arrivals.computeIfAbsent(hash, h -> new AtomicInteger()).getAndIncrement();
            String text = new String(body, StandardCharsets.UTF_8);
            Optional<String> seed = seedOf(text);
            long article = seed.isPresent() ? -1 : SyntheticNews.numberIn(text).orElse(-1L);
            about.putIfAbsent(
                    hash,
                    (seed.isPresent() ? seed.get() : "article " + article)
                            + (text.contains("Summarise this") ? ", summary" : ", translation"));
            Optional<Fault> fault = faults.fault(article, attempt);
            if (fault.isPresent()) {
                faulted.incrementAndGet();
                fail(exchange, fault.get());
                return;
            }
            Reply reply;
            try {
                reply = seed.isPresent() ? seedReply(seed.get(), text) : forward(body);
            } catch (IOException | RuntimeException e) {
                reply = new Reply(500, error("the stand-in failed: " + e));
            }
            if (reply.status() == 200) {
                answered.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
            }
            send(exchange, reply.status(), Map.of(), reply.body());
        }
    }

    /** A reply: its status and body. */
    private record Reply(int status, String body) {}

    private Reply forward(byte[] body) throws IOException {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(model)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the stand-in model", e);
        }
    }

    private static void fail(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case RATE_LIMITED ->
                send(exchange, 429, Map.of("Retry-After", "0"), error("Rate limit reached for requests"));
            case SERVER_ERROR -> send(exchange, 500, Map.of(), error("The server had an error"));
            case UNAVAILABLE -> send(exchange, 503, Map.of(), error("The engine is currently overloaded"));
            case GARBAGE -> send(exchange, 200, Map.of(), "<html>upstream hiccup</html>");
        }
    }

    private static String error(String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", "server_error");
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The seed a request is about, by words of its German or English title. */
    private static Optional<String> seedOf(String request) {
        return SEEDS.entrySet().stream()
                .filter(e -> request.contains(e.getValue()[0]) || request.contains(e.getValue()[1]))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The seed's reference summary for a summary request, else its reference translation. */
    private static Reply seedReply(String seed, String request) throws IOException {
        String reply;
        if (request.contains("Summarise this")) {
            reply = resource("summary/" + seed + ".reply.json");
        } else {
            JsonNode en = JSON.readTree(resource("translate/seeds/" + seed + ".en.json"));
            StringBuilder b = new StringBuilder("[T] " + en.get("title").asText() + "\n\n[D] "
                    + en.get("dateline").asText());
            int i = 0;
            for (JsonNode p : en.get("paragraphs")) {
                b.append("\n\n[").append(++i).append("] ").append(p.asText());
            }
            reply = b.toString();
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-beam");
        root.put("object", "chat.completion");
        root.put("created", 1732640700);
        root.put("model", "gpt-4.1-mini-2025-04-14");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply);
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", request.length() / 4)
                .put("completion_tokens", reply.length() / 4)
                .put("total_tokens", (request.length() + reply.length()) / 4);
        return new Reply(200, root.toString());
    }

    /** One of core's test resources, the seeds' reference replies among them. */
    private static String resource(String name) throws IOException {
        return Files.readString(
                Path.of("..", "core", "src", "test", "resources").resolve(name), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
