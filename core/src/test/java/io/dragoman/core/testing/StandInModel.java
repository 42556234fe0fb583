package io.dragoman.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for OpenAI's chat completions API on 127.0.0.1: a WireMock server (dynamic port, plain HTTP/1.1) whose
 * one stub answers every {@code POST /v1/chat/completions} after a fixed delay, the model's latency. A response
 * transformer writes the reply from the request: a translation request ({@code [T]}, {@code [D]}, {@code [1]}, … in its
 * {@code <article>} block) gets the English of each marked paragraph under the same marker, regenerated from the
 * article number in the title ({@link LocalNews}); a summary request ({@code Summarise this}) gets a summary object
 * that validates against the schema. The replies pass every translation check, so an article takes exactly two calls.
 *
 * <p>The request journal is off (it would keep every request of a 100,000-article run in this JVM's heap); instead the
 * transformer notes each request's arrival time (System.nanoTime, up to a fixed number of requests) for the rate
 * limit check, and counts requests and paragraphs it could not translate.
 */
public final class StandInModel implements AutoCloseable {

    /** The model name the benchmark asks for: one with a price in the built-in table, so costs are computed. */
    public static final String MODEL = "gpt-4.1-mini";

    private final WireMockServer server;
    private final Transformer transformer;

    private StandInModel(WireMockServer server, Transformer transformer) {
        this.server = server;
        this.transformer = transformer;
    }

    /**
     * Starts a server.
     *
     * @param latencyMs the delay before each reply
     * @param threads Jetty's thread pool size: a delayed reply holds a thread, so this must exceed the concurrency
     * @param arrivals how many request arrival times to keep
     */
    public static StandInModel start(int latencyMs, int threads, int arrivals) {
        Transformer transformer = new Transformer(arrivals);
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .containerThreads(threads)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .gzipDisabled(true)
                .extensionScanningEnabled(false)
                .extensions(transformer));
        server.start();
        ResponseDefinitionBuilder reply = aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{}");
        if (latencyMs > 0) {
            reply = reply.withFixedDelay(latencyMs);
        }
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(reply));
        return new StandInModel(server, transformer);
    }

    /** The base URL to give the OpenAI client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** How many requests arrived. */
    public int requests() {
        return transformer.requests.get();
    }

    /** How many paragraphs of translation requests had no known English (each makes the checks fail). */
    public int misses() {
        return transformer.misses.get();
    }

    /** CPU time the transformer spent writing replies, in nanoseconds (the server's HTTP handling is not included). */
    public long transformerCpuNanos() {
        return transformer.cpuNanos.get();
    }

    /** The arrival times (System.nanoTime) of the first requests, as many as were kept, sorted. */
    public long[] arrivals() {
        int n = Math.min(transformer.requests.get(), transformer.arrivals.length);
        long[] sorted = Arrays.copyOf(transformer.arrivals, n);
        Arrays.sort(sorted);
        return sorted;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Writes each reply from its request. Thread-safe. */
    private static final class Transformer implements ResponseTransformerV2 {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();

        private final long[] arrivals;
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger misses = new AtomicInteger();
        private final AtomicLong cpuNanos = new AtomicLong();

        Transformer(int arrivals) {
            this.arrivals = new long[arrivals];
        }

        @Override
        public String getName() {
            return "dragoman-stand-in-model";
        }

        @Override
        public Response transform(Response response, ServeEvent event) {
            long arrived = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            int n = requests.getAndIncrement();
            if (n < arrivals.length) {
                arrivals[n] = arrived;
            }
            try {
                JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
                String system = "";
                String user = "";
                for (JsonNode message : request.path("messages")) {
                    if (message.path("role").asText().equals("system")) {
                        system = message.path("content").asText();
                    } else if (message.path("role").asText().equals("user")) {
                        user = message.path("content").asText();
                    }
                }
                String reply = user.contains("Summarise this") ? summary(user) : translation(user);
                String body = completion(reply, (system.length() + user.length()) / 4, reply.length() / 4);
                return Response.Builder.like(response).but().body(body).build();
            } catch (JsonProcessingException e) {
                return Response.Builder.like(response)
                        .but()
                        .status(400)
                        .body("{\"error\":{\"message\":\"unreadable request\"}}")
                        .build();
            } finally {
                cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            }
        }

        /** The English of each marked paragraph, under its marker. */
        private String translation(String user) {
            List<String[]> units = StandInReplies.units(StandInReplies.articleBlock(user));
            Optional<SyntheticNews.Article> article = units.stream()
                    .filter(u -> u[0].equals("T"))
                    .reduce((x, y) -> y)
                    .flatMap(u -> SyntheticNews.numberIn(u[1]))
                    .map(LocalNews.NEWS::article);
            Map<String, String> english =
                    article.map(SyntheticNews.Article::english).orElse(Map.of());
            return StandInReplies.translation(units, english, misses::incrementAndGet);
        }

        /** A summary object made from the English of the article whose title opens the article block. */
        private String summary(String user) {
            String block = StandInReplies.articleBlock(user);
            int eol = block.indexOf('\n');
            String title = eol < 0 ? block : block.substring(0, eol);
            Optional<SyntheticNews.Article> found =
                    SyntheticNews.numberIn(title).map(LocalNews.NEWS::article);
            if (found.isEmpty()) {
                misses.incrementAndGet();
                return StandInReplies.emptySummary();
            }
            SyntheticNews.Article a = found.get();
            return StandInReplies.summary(a, a.paragraphsEn(), a.paragraphsDe(), Integer.MAX_VALUE);
        }

        /** An OpenAI chat completion carrying this reply. */
        private static String completion(String reply, int promptTokens, int completionTokens) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-bench");
            root.put("object", "chat.completion");
            root.put("created", 1732640700);
            root.put("model", "gpt-4.1-mini-2025-04-14");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", reply);
            choice.put("finish_reason", "stop");
            root.putObject("usage")
                    .put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return root.toString();
        }
    }
}
