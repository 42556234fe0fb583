package io.dragoman.core.soak;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.testing.StandInReplies;
import io.dragoman.core.testing.SyntheticNews.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock extension that answers like a correct model of whichever protocol a request speaks, and injects the
 * faults of each article's {@link FaultPlan}. A translation request gets the English of each marked paragraph under its
 * marker, a summary request a summary object that validates; the article comes from the {@code (Nr. n)} in the prompt.
 * Every call is recorded with the fault it got, if any. Thread-safe.
 */
final class FaultInjectingModel implements ResponseDefinitionTransformerV2 {

    /**
     * One call the server answered.
     *
     * @param sequence the order of arrival
     * @param round the run it belongs to: 1 for the faulty run, 2 for the rerun against a healthy server
     * @param protocol the protocol it spoke
     * @param article the article number in its prompt
     * @param stage the stage it belongs to
     * @param index its position among the calls of the article's stage
     * @param logicalKey a digest of the user message and the output budget: the same for every retry of one call
     * @param bodyDigest a digest of the whole request body
     * @param fault the fault injected, if any
     * @param retryAfter for a rate limit with a requested wait, that wait
     */
    record Call(
            long sequence,
            int round,
            ProviderKind protocol,
            long article,
            Stage stage,
            int index,
            String logicalKey,
            String bodyDigest,
            Optional<FaultKind> fault,
            Optional<Duration> retryAfter) {}

    private final FaultPlan.Mix mix;
    private final Map<Long, Article> articles;
    private final Instant now;
    private final int timeoutDelayMs;
    private final Map<String, AtomicInteger> callsPerStage = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile int round = 1;

    /**
     * @param mix decides each article's faults
     * @param articles the articles of the run, by number
     * @param now the time the clients' clock shows, for {@code Retry-After} dates
     * @param timeoutDelayMs how long a reply meant to time out is held back
     */
    FaultInjectingModel(FaultPlan.Mix mix, Map<Long, Article> articles, Instant now, int timeoutDelayMs) {
        this.mix = mix;
        this.articles = Map.copyOf(articles);
        this.now = now;
        this.timeoutDelayMs = timeoutDelayMs;
    }

    @Override
    public String getName() {
        return "dragoman-fault-injecting-model";
    }

    /** Every call answered so far. */
    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** Requests the stand-in could not make sense of, or paragraphs it had no English for; none in a good run. */
    List<String> unexpected() {
        return new ArrayList<>(unexpected);
    }

    /** From now on answers every call correctly, as round 2. */
    void heal() {
        round = 2;
    }

    /** The key of a call in a round as the client sends it, matching {@link Call#logicalKey()}. */
    static String logicalKey(int round, String user, int maxOutputTokens) {
        return digest(round + "\u0000" + user + "\u0000" + maxOutputTokens);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            return answer(event);
        } catch (RuntimeException e) {
            return unexpected("the stand-in failed on a request: " + e);
        }
    }

    private ResponseDefinition answer(ServeEvent event) {
        String path = event.getRequest().getUrl();
        String body = event.getRequest().getBodyAsString();
        Optional<ProviderKind> protocol = ModelWire.protocolOf(path);
        if (protocol.isEmpty()) {
            return unexpected("no protocol at " + path);
        }
        ModelWire.Request request;
        try {
            request = ModelWire.read(protocol.get(), body);
        } catch (IllegalArgumentException e) {
            return unexpected(e.getMessage());
        }
        Optional<Long> number = SoakArticles.numberIn(request.user());
        Article article = number.map(articles::get).orElse(null);
        if (article == null) {
            return unexpected("no known article in a request to " + path);
        }
        Stage stage = request.user().contains("Summarise this") ? Stage.SUMMARIZE : Stage.TRANSLATE;
        int index = callsPerStage
                .computeIfAbsent(protocol.get().id() + "/" + article.number() + "/" + stage, k -> new AtomicInteger())
                .getAndIncrement();
        int thisRound = round;
        Optional<FaultKind> fault = thisRound == 1
                ? mix.plan(protocol.get(), article.number(), stage).faultOfCall(index)
                : Optional.empty();
        SplittableRandom random = new SplittableRandom(
                mix.seed() ^ article.number() * 31 + index * 0x632BE59BD9B4E019L + stage.ordinal());
        String text = stage == Stage.SUMMARIZE
                ? StandInReplies.summary(article)
                : translation(article, request.user(), false);
        Optional<Duration> retryAfter = Optional.empty();
        ResponseDefinition response;
        ProviderKind kind = protocol.get();
        if (fault.isEmpty()) {
            response = ok(kind, request, text, false).build();
        } else {
            switch (fault.get()) {
                case RATE_LIMITED_RETRY_AFTER -> {
                    int seconds = 1 + random.nextInt(30);
                    retryAfter = Optional.of(Duration.ofSeconds(seconds));
                    response = rateLimited(kind, seconds, random.nextInt(kind == ProviderKind.GEMINI ? 3 : 2));
                }
                case RATE_LIMITED -> response = error(kind, 429).build();
                case SERVER_ERROR -> response = error(kind, 500).build();
                case BAD_GATEWAY -> response = error(kind, 502).build();
                case UNAVAILABLE -> response = error(kind, 503).build();
                case OVERLOADED -> response = error(kind, 529).build();
                case READ_TIMEOUT ->
                    response = ok(kind, request, text, false)
                            .withFixedDelay(timeoutDelayMs)
                            .build();
                case CONNECTION_RESET ->
                    response = aResponse()
                            .withFault(Fault.CONNECTION_RESET_BY_PEER)
                            .build();
                case GARBAGE_BODY ->
                    response = random.nextBoolean()
                            ? aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "text/html")
                                    .withBody("<html><head><title>Maintenance</title></head><body><h1>We'll be back"
                                            + " soon</h1></body></html>")
                                    .build()
                            : aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "text/plain")
                                    .withBody("upstream connect error or disconnect/reset before headers.")
                                    .build();
                case EMPTY_BODY ->
                    response = aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("")
                            .build();
                case TRUNCATED ->
                    response = ok(kind, request, text.substring(0, text.length() / 2), true)
                            .build();
                case FENCED_JSON ->
                    response = ok(kind, request, "```json\n" + text + "\n```", false)
                            .build();
                case INVALID_JSON ->
                    response = ok(kind, request, StandInReplies.invalidJson(text), false)
                            .build();
                case WRONG_SCHEMA_JSON ->
                    response = ok(kind, request, StandInReplies.wrongSchema(article), false)
                            .build();
                case UNTRANSLATED_ECHO ->
                    response = ok(kind, request, translation(article, request.user(), true), false)
                            .build();
                case LAST_SENTENCE_UNTRANSLATED ->
                    response = ok(
                                    kind,
                                    request,
                                    StandInReplies.lastSentenceUntranslated(
                                            article.english(),
                                            request.user(),
                                            what -> unexpected.add(article.id() + ": " + what)),
                                    false)
                            .build();
                case DROPPED_LAST_PARAGRAPH ->
                    response = ok(kind, request, StandInReplies.withoutLastParagraph(text), false)
                            .build();
                default -> throw new AssertionError(fault.get());
            }
        }
        calls.add(new Call(
                sequence.getAndIncrement(),
                thisRound,
                kind,
                article.number(),
                stage,
                index,
                logicalKey(thisRound, request.user(), request.maxOutputTokens()),
                digest(body),
                fault,
                retryAfter));
        return response;
    }

    private ResponseDefinition unexpected(String what) {
        unexpected.add(what);
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"unexpected request\"}}")
                .build();
    }

    private static ResponseDefinitionBuilder ok(
            ProviderKind kind, ModelWire.Request request, String text, boolean truncated) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(ModelWire.reply(kind, text, truncated, request.user().length() / 4, text.length() / 4 + 1));
    }

    private static ResponseDefinitionBuilder error(ProviderKind kind, int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(ModelWire.error(kind, status, Optional.empty()));
    }

    /** A 429 asking for a wait: in seconds (variant 0), as an HTTP date (1) or, for Gemini, as a RetryInfo (2). */
    private ResponseDefinition rateLimited(ProviderKind kind, int seconds, int variant) {
        return switch (variant) {
            case 0 ->
                error(kind, 429)
                        .withHeader("Retry-After", Integer.toString(seconds))
                        .build();
            case 1 ->
                error(kind, 429)
                        .withHeader(
                                "Retry-After",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        now.plusSeconds(seconds).atOffset(ZoneOffset.UTC)))
                        .build();
            default ->
                aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ModelWire.error(kind, 429, Optional.of(seconds)))
                        .build();
        };
    }

    /** The article block's marked units, each in English (or echoed in German), under their markers. */
    private String translation(Article article, String user, boolean echo) {
        return StandInReplies.translation(
                article.english(), user, echo, what -> unexpected.add(article.id() + ": " + what));
    }

    static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
