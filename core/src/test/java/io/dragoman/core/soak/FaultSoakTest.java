package io.dragoman.core.soak;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.Dragoman;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.Review;
import io.dragoman.core.article.Stage;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.RetryingModelProvider;
import io.dragoman.core.llm.retry.Sleeper;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.testing.SyntheticNews.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch pipeline against model APIs that fail in every way they do: one WireMock server on 127.0.0.1 speaks all
 * six provider protocols and injects a seeded mix of faults ({@link FaultKind}) into a few hundred synthetic articles'
 * calls, and the real stack runs them: the {@link Dragoman} facade with a real provider of each protocol (LangChain4j
 * client, rate limiter, retries with the default policy), the real cleaner, translator and summarizer, and a run store
 * on disk. Waits are recorded instead of slept, so {@code Retry-After} is checked without costing time. Then the
 * server heals and each protocol's batch runs again on its store, as a user's rerun would.
 *
 * <p>The default run is small; with {@code -Ddragoman.soak=true} ({@code -Psoak}) it injects well over a thousand
 * faults. Both print the fault table and write it to {@code target/soak/faults.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FaultSoakTest {

    private static final boolean SOAK = Boolean.getBoolean("dragoman.soak");
    private static final int ARTICLES_PER_PROTOCOL = SOAK ? 100 : 40;
    private static final FaultPlan.Mix MIX =
            SOAK ? new FaultPlan.Mix(20_260_101L, 0.8, 0.2, 2) : new FaultPlan.Mix(20_260_101L, 0.75, 0.2, 2);
    /** The runs are stopped (and the test fails) when all six together take longer than this. */
    private static final Duration RUN_LIMIT = SOAK ? Duration.ofMinutes(6) : Duration.ofMinutes(2);

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    /** Short, so that injected timeouts cost little, yet far above a reply's time even on a loaded machine. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private static final int TIMEOUT_DELAY_MS = 1_600;
    private static final RetryingModelProvider.Settings RETRIES = RetryingModelProvider.Settings.DEFAULT;
    private static final int CONCURRENCY = 8;

    private Path tmp;
    private WireMockServer server;
    private FaultInjectingModel model;
    private final Map<Long, Article> articles = new LinkedHashMap<>();
    /** Each protocol's run: outcomes heard, articles in the store afterwards, and how it ended. */
    private final Map<ProviderKind, Run> runs = new EnumMap<>(ProviderKind.class);
    /** Each protocol's rerun on the same store against the healed server. */
    private final Map<ProviderKind, Run> reruns = new EnumMap<>(ProviderKind.class);
    /** The round the client is in, for the keys of its waits. */
    private volatile int round = 1;
    /** Retry waits by the call they were for (its logical key), in order. */
    private final Map<String, List<Duration>> waits = new ConcurrentHashMap<>();
    /** Waits of the client-side rate limiter, which has no limits here and so should never wait. */
    private final List<Duration> limiterWaits = new CopyOnWriteArrayList<>();
    /**
     * The time the limiter was told it slept: its clock runs this much ahead of the real one, so that a recorded wait
     * counts as waited and the limiter, which looks again after every wait, moves on.
     */
    private final AtomicLong limiterSkipped = new AtomicLong();

    private final FaultTable table = new FaultTable();

    private record Run(
            List<ArticleOutcome> outcomes, Map<String, StoredArticle> stored, RunResult result, Duration wall) {}

    @BeforeAll
    void runTheBatchOnEveryProtocolAgainstAFaultyServerThenAgainstAHealedOne(@TempDir Path dir) throws IOException {
        tmp = dir;
        long next = 0;
        for (int p = 0; p < ProviderKind.values().length; p++) {
            for (int i = 0; i < ARTICLES_PER_PROTOCOL; i++) {
                Article a = SoakArticles.article(next++);
                articles.put(a.number(), a);
            }
        }
        model = new FaultInjectingModel(MIX, articles, NOW, TIMEOUT_DELAY_MS);
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .containerThreads(6 * CONCURRENCY + 16)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .extensionScanningEnabled(false)
                .extensions(model));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        LanguageDetector languages = new OpenNlpLanguageDetector();
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        for (ProviderKind kind : ProviderKind.values()) {
            runs.put(kind, run(kind, languages, deadline));
        }
        model.heal();
        round = 2;
        for (ProviderKind kind : ProviderKind.values()) {
            reruns.put(kind, run(kind, languages, deadline));
        }
        classify();
        String report = report();
        System.out.println(report);
        Path out = Path.of("target", "soak");
        Files.createDirectories(out);
        Files.writeString(out.resolve("faults.md"), report);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    /** Runs the protocol's articles through the facade against its store, stopping them at the deadline. */
    private Run run(ProviderKind kind, LanguageDetector languages, long deadline) {
        List<Article> batch =
                articles.values().stream().filter(a -> protocolOf(a) == kind).toList();
        ProviderConfig config = new ProviderConfig(
                kind,
                ModelWire.model(kind),
                ModelWire.baseUrl(kind, server.port()),
                kind.needsKey() || kind == ProviderKind.OPENAI_COMPATIBLE
                        ? Optional.of("soak-fake-key-" + kind.id())
                        : Optional.empty(),
                kind.keyVariable().orElse("the test"),
                Duration.ofSeconds(5),
                READ_TIMEOUT);
        ThreadLocal<String> callKey = new ThreadLocal<>();
        Sleeper recordingSleeper = wait -> waits.computeIfAbsent(
                        Optional.ofNullable(callKey.get()).orElse("(no call)"),
                        k -> Collections.synchronizedList(new ArrayList<>()))
                .add(wait);
        ModelProvider stack = ModelProviders.create(
                config,
                new RateLimiter(RateLimiter.Limits.NONE, () -> System.nanoTime() + limiterSkipped.get(), wait -> {
                    limiterWaits.add(wait);
                    limiterSkipped.addAndGet(wait.toNanos());
                }),
                RETRIES,
                recordingSleeper,
                Clock.fixed(NOW, ZoneOffset.UTC));
        ModelProvider keyed = new ModelProvider() {
            @Override
            public ModelReply chat(ModelRequest request) {
                callKey.set(FaultInjectingModel.logicalKey(round, request.user(), request.maxOutputTokens()));
                try {
                    return stack.chat(request);
                } finally {
                    callKey.remove();
                }
            }

            @Override
            public ProviderInfo info() {
                return stack.info();
            }
        };
        List<ArticleOutcome> outcomes = new CopyOnWriteArrayList<>();
        Path storeFile = tmp.resolve(kind.id() + ".db");
        BatchRunner.Control control = new BatchRunner.Control();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        RunResult result;
        try (Dragoman dragoman = Dragoman.builder()
                .languages(languages)
                .model(keyed)
                .store(storeFile)
                .concurrency(CONCURRENCY)
                .build()) {
            watchdog.schedule(control::interrupt, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            result = dragoman.run(batch.stream().map(Article::input), outcomes::add, control);
        } finally {
            watchdog.shutdownNow();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Map<String, StoredArticle> stored = new LinkedHashMap<>();
        try (RunStore store = RunStore.open(storeFile)) {
            store.articles().all().forEach(a -> stored.put(a.id().value(), a));
        }
        return new Run(List.copyOf(outcomes), stored, result, wall);
    }

    // ------------------------------------------------------------------ expectations

    /** The plan of an article's stage. */
    private static FaultPlan plan(ProviderKind kind, Article article, Stage stage) {
        return MIX.plan(kind, article.number(), stage);
    }

    private ProviderKind protocolOf(Article article) {
        return ProviderKind.values()[(int) (article.number() / ARTICLES_PER_PROTOCOL)];
    }

    /** Whether a failure's reason says what the fault was. */
    private static boolean reasonNames(FaultKind kind, Stage stage, ProviderKind protocol, String reason) {
        String gaveUp = "(gave up after " + RETRIES.maxAttempts() + " attempts)";
        return switch (kind) {
            case RATE_LIMITED_RETRY_AFTER ->
                reason.contains("(HTTP 429); it asked us to wait") && reason.contains(gaveUp);
            case RATE_LIMITED -> reason.contains("(HTTP 429).") && reason.contains(gaveUp);
            case SERVER_ERROR -> reason.contains("(HTTP 500)") && reason.contains(gaveUp);
            case BAD_GATEWAY -> reason.contains("(HTTP 502)") && reason.contains(gaveUp);
            case UNAVAILABLE -> reason.contains("(HTTP 503)") && reason.contains(gaveUp);
            case OVERLOADED -> reason.contains("is overloaded (HTTP 529)") && reason.contains(gaveUp);
            case READ_TIMEOUT ->
                reason.contains("did not answer within " + READ_TIMEOUT.toSeconds() + " s.") && reason.contains(gaveUp);
            case CONNECTION_RESET -> reason.contains("was closed before a reply arrived") && reason.contains(gaveUp);
            case GARBAGE_BODY -> reason.contains("not a valid " + protocol.id() + " reply") && reason.contains(gaveUp);
            case EMPTY_BODY ->
                reason.contains("answered HTTP 200 with an empty body instead of a reply") && reason.contains(gaveUp);
            case TRUNCATED ->
                stage == Stage.TRANSLATE
                        ? reason.contains("truncated: The reply was cut off")
                        : reason.contains("the reply was cut off by the output limit");
            case INVALID_JSON -> reason.contains("the reply is not valid JSON");
            case WRONG_SCHEMA_JSON ->
                reason.contains("did not validate against the summary schema after a re-ask")
                        && reason.contains("topics");
            case DROPPED_LAST_PARAGRAPH -> reason.contains("paragraph-count: ") && reason.contains("missing [");
            case UNTRANSLATED_ECHO ->
                reason.contains("untranslated: ") && reason.contains("left in the source language");
            case FENCED_JSON, LAST_SENTENCE_UNTRANSLATED -> false;
        };
    }

    private Map<String, ArticleOutcome> outcomesById() {
        Map<String, ArticleOutcome> byId = new ConcurrentHashMap<>();
        runs.values().forEach(r -> r.outcomes().forEach(o -> byId.put(o.id(), o)));
        return byId;
    }

    private Optional<StoredArticle> stored(Article article) {
        return Optional.ofNullable(runs.get(protocolOf(article)).stored().get(article.id()));
    }

    private void classify() {
        for (FaultInjectingModel.Call call : firstRound()) {
            if (call.fault().isEmpty()) {
                continue;
            }
            Article article = articles.get(call.article());
            FaultKind kind = call.fault().get();
            Optional<StoredArticle> stored = stored(article);
            if (stored.isEmpty()
                    || (stored.get().status() != ArticleStatus.SUMMARIZED
                            && stored.get().status() != ArticleStatus.FAILED)) {
                table.add(kind, FaultTable.Fate.LOST);
                continue;
            }
            StoredArticle s = stored.get();
            boolean stageDone = call.stage() == Stage.TRANSLATE ? s.holds(Stage.TRANSLATE) : s.holds(Stage.SUMMARIZE);
            boolean persistent =
                    plan(call.protocol(), article, call.stage()).persistent().isPresent();
            if (stageDone && kind == FaultKind.LAST_SENTENCE_UNTRANSLATED && persistent) {
                // the translation is kept for review, even when the summary failed afterwards
                table.add(
                        kind,
                        s.review() == Review.NEEDS_REVIEW
                                ? FaultTable.Fate.KEPT_FOR_REVIEW
                                : FaultTable.Fate.UNEXPLAINED);
            } else if (stageDone) {
                table.add(kind, FaultTable.Fate.RECOVERED);
            } else if (s.status() == ArticleStatus.FAILED
                    && s.failure().isPresent()
                    && s.failure().get().stage() == call.stage()
                    && reasonNames(
                            kind,
                            call.stage(),
                            call.protocol(),
                            s.failure().get().reason())) {
                table.add(kind, FaultTable.Fate.REPORTED_AS_FAILURE);
            } else {
                table.add(kind, FaultTable.Fate.UNEXPLAINED);
            }
        }
    }

    private String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Fault soak (%s run): %d articles per protocol, seed %d, %d calls answered, %d faults injected.%n%n",
                SOAK ? "soak" : "default",
                ARTICLES_PER_PROTOCOL,
                MIX.seed(),
                firstRound().size(),
                table.injected()));
        b.append(table.markdown()).append('\n');
        b.append("| protocol | articles | done | failed | calls | faults | wall s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        Map<ProviderKind, List<FaultInjectingModel.Call>> byProtocol =
                firstRound().stream().collect(Collectors.groupingBy(FaultInjectingModel.Call::protocol));
        runs.forEach((kind, run) -> {
            List<FaultInjectingModel.Call> calls = byProtocol.getOrDefault(kind, List.of());
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %.1f |%n",
                    kind.id(),
                    run.stored().size(),
                    run.result().done(),
                    run.result().failed(),
                    calls.size(),
                    calls.stream().filter(c -> c.fault().isPresent()).count(),
                    run.wall().toMillis() / 1000.0));
        });
        int rerunDone =
                reruns.values().stream().mapToInt(r -> r.result().done()).sum();
        int rerunSkipped =
                reruns.values().stream().mapToInt(r -> r.result().skipped()).sum();
        long rerunCalls = model.calls().stream().filter(c -> c.round() == 2).count();
        b.append(String.format(
                Locale.ROOT,
                "%nRerun against the healed server: %d failed articles done, %d done ones skipped, %d calls.%n",
                rerunDone,
                rerunSkipped,
                rerunCalls));
        return b.toString();
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void everyArticleEndsInTheStoreExactlyOnceAsDoneOrFailed() {
        runs.forEach((kind, run) -> {
            assertThat(run.result().stop()).as(kind.id()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(run.result().deferred()).as(kind.id()).isZero();
            assertThat(run.result().done() + run.result().failed())
                    .as(kind.id())
                    .isEqualTo(ARTICLES_PER_PROTOCOL);
            assertThat(run.outcomes())
                    .as("outcomes heard for %s", kind.id())
                    .hasSize(ARTICLES_PER_PROTOCOL)
                    .extracting(ArticleOutcome::id)
                    .doesNotHaveDuplicates();
            assertThat(run.stored().values())
                    .as("articles stored for %s", kind.id())
                    .hasSize(ARTICLES_PER_PROTOCOL)
                    .allSatisfy(s -> assertThat(s.status()).isIn(ArticleStatus.SUMMARIZED, ArticleStatus.FAILED));
        });
        assertThat(table.total(FaultTable.Fate.LOST)).isZero();
    }

    @Test
    void everyArticleEndsAsItsFaultsDictateAndAFailureNamesItsFault() {
        Map<String, ArticleOutcome> outcomes = outcomesById();
        List<String> wrong = new ArrayList<>();
        for (Article article : articles.values()) {
            ProviderKind kind = protocolOf(article);
            FaultPlan translate = plan(kind, article, Stage.TRANSLATE);
            FaultPlan summarize = plan(kind, article, Stage.SUMMARIZE);
            Optional<Stage> failing = translate.fails()
                    ? Optional.of(Stage.TRANSLATE)
                    : summarize.fails() ? Optional.of(Stage.SUMMARIZE) : Optional.empty();
            StoredArticle s = stored(article).orElse(null);
            String what = kind.id() + " " + article.id() + " (translate " + translate + ", summarize " + summarize
                    + "): " + s;
            if (s == null) {
                wrong.add("missing: " + what);
            } else if (failing.isEmpty()) {
                if (s.status() != ArticleStatus.SUMMARIZED) {
                    wrong.add("should be done: " + what);
                }
                boolean doubtful = translate.persistent().equals(Optional.of(FaultKind.LAST_SENTENCE_UNTRANSLATED));
                if (s.needsReview() != doubtful) {
                    wrong.add((doubtful ? "should need review: " : "should not need review: ") + what);
                }
            } else {
                Stage stage = failing.get();
                FaultKind fault = (stage == Stage.TRANSLATE ? translate : summarize)
                        .persistent()
                        .orElseThrow();
                boolean right = s.status() == ArticleStatus.FAILED
                        && s.failure().isPresent()
                        && s.failure().get().stage() == stage
                        && s.failure().get().retriable()
                        && reasonNames(fault, stage, kind, s.failure().get().reason());
                if (!right) {
                    wrong.add("should have failed at " + stage + " naming " + fault + ": " + what);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(table.total(FaultTable.Fate.UNEXPLAINED)).isZero();
        assertThat(model.unexpected()).isEmpty();
    }

    @Test
    void noRequestIsSentMoreOftenThanTheRetryPolicyAllows() {
        Map<String, Long> sends = model.calls().stream()
                .collect(Collectors.groupingBy(c -> c.round() + "/" + c.bodyDigest(), Collectors.counting()));
        assertThat(sends.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(RETRIES.maxAttempts()));
        for (Map.Entry<String, List<FaultInjectingModel.Call>> e : callsByKey().entrySet()) {
            List<FaultInjectingModel.Call> calls = e.getValue();
            // the client's attempts: one more than its waits; at least the sends the server saw (a send can also fail
            // before it reaches the server, on a connection the server had closed, say)
            int attempts = waits.getOrDefault(e.getKey(), List.of()).size() + 1;
            assertThat(attempts).as("attempts at one call: %s", calls).isBetween(calls.size(), RETRIES.maxAttempts());
            if (calls.stream().allMatch(c -> c.fault().map(FaultKind::transport).orElse(false))) {
                // failed at the transport level every time: the policy's attempts are used up, no more, no fewer
                assertThat(attempts)
                        .as("attempts at a call that always failed: %s", calls)
                        .isEqualTo(RETRIES.maxAttempts());
            }
        }
    }

    @Test
    void everyRetryWaitsAtLeastAsLongAsTheServerAskedAndBacksOffOtherwise() {
        assertThat(waits).doesNotContainKey("(no call)");
        // a 429 with Retry-After pauses the shared limiter, so the other workers wait too; nothing else makes it wait
        Duration longestAsked = model.calls().stream()
                .filter(c -> c.fault()
                        .filter(f -> f == FaultKind.RATE_LIMITED_RETRY_AFTER)
                        .isPresent())
                .flatMap(c -> c.retryAfter().stream())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        assertThat(limiterWaits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(longestAsked));
        int honoured = 0;
        for (Map.Entry<String, List<FaultInjectingModel.Call>> e : callsByKey().entrySet()) {
            List<FaultInjectingModel.Call> calls = e.getValue();
            List<Duration> slept = waits.getOrDefault(e.getKey(), List.of());
            // every send but the last failed and was followed by a wait; a wait of its own comes before each send that
            // failed without reaching the server, so the waits are matched to the failed sends in order, skipping those
            int extra = slept.size() - (calls.size() - 1);
            assertThat(extra).as("waits %s for the sends %s", slept, calls).isNotNegative();
            int w = 0;
            for (FaultInjectingModel.Call failed : calls.subList(0, calls.size() - 1)) {
                Optional<Duration> asked = failed.retryAfter();
                while (asked.isPresent() && slept.get(w).compareTo(asked.get()) < 0 && extra > 0) {
                    w++;
                    extra--;
                }
                Duration wait = slept.get(w++);
                if (asked.isPresent()) {
                    assertThat(wait)
                            .as("the wait after a 429 asking for %s", asked.get())
                            .isGreaterThanOrEqualTo(asked.get());
                    honoured++;
                } else {
                    assertThat(wait)
                            .as("a backoff wait")
                            .isBetween(
                                    RETRIES.initialDelay().multipliedBy(3).dividedBy(4),
                                    RETRIES.maxDelay().multipliedBy(5).dividedBy(4));
                }
            }
        }
        assertThat(honoured).isPositive();
    }

    @Test
    void injectsEveryFaultKindOnEveryProtocolItAppliesTo() {
        Map<ProviderKind, Map<FaultKind, Long>> injected = firstRound().stream()
                .filter(c -> c.fault().isPresent())
                .collect(Collectors.groupingBy(
                        FaultInjectingModel.Call::protocol,
                        Collectors.groupingBy(c -> c.fault().get(), Collectors.counting())));
        for (ProviderKind kind : ProviderKind.values()) {
            for (FaultKind fault : FaultKind.values()) {
                boolean applies = fault.appliesTo(Stage.TRANSLATE, kind) || fault.appliesTo(Stage.SUMMARIZE, kind);
                assertThat(injected.getOrDefault(kind, Map.of()).getOrDefault(fault, 0L))
                        .as("%s on %s", fault, kind.id())
                        .matches(n -> applies ? n > 0 : n == 0);
            }
        }
        assertThat(table.injected()).isGreaterThanOrEqualTo(SOAK ? 1_000 : 300);
        assertThat(table.total(FaultTable.Fate.REPORTED_AS_FAILURE)).isPositive();
        assertThat(table.total(FaultTable.Fate.KEPT_FOR_REVIEW)).isPositive();
    }

    @Test
    void aRerunAgainstAHealthyServerFinishesEveryFailedArticleAndAsksNothingForTheDoneOnes() {
        Map<Long, List<FaultInjectingModel.Call>> rerunCalls = model.calls().stream()
                .filter(c -> c.round() == 2)
                .collect(Collectors.groupingBy(FaultInjectingModel.Call::article));
        runs.forEach((kind, run) -> {
            RunResult again = reruns.get(kind).result();
            assertThat(again.stop()).as(kind.id()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(again.done()).as(kind.id()).isEqualTo(run.result().failed());
            assertThat(again.skipped()).as(kind.id()).isEqualTo(run.result().done());
            assertThat(again.failed()).as(kind.id()).isZero();
            assertThat(reruns.get(kind).stored().values())
                    .hasSize(ARTICLES_PER_PROTOCOL)
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(ArticleStatus.SUMMARIZED));
            for (Article article : articles.values()) {
                if (protocolOf(article) != kind) {
                    continue;
                }
                StoredArticle before = run.stored().get(article.id());
                List<FaultInjectingModel.Call> calls = rerunCalls.getOrDefault(article.number(), List.of());
                if (before.status() == ArticleStatus.SUMMARIZED) {
                    assertThat(calls)
                            .as("calls for %s, done before", before.id())
                            .isEmpty();
                } else if (before.failure().orElseThrow().stage() == Stage.SUMMARIZE) {
                    // the translation stored by the first run is kept: only the summary is asked for again
                    assertThat(calls)
                            .as("calls for %s, failed at the summary before", before.id())
                            .isNotEmpty()
                            .allSatisfy(c -> assertThat(c.stage()).isEqualTo(Stage.SUMMARIZE));
                } else {
                    assertThat(calls)
                            .as("calls for %s, failed at the translation before", before.id())
                            .extracting(FaultInjectingModel.Call::stage)
                            .contains(Stage.TRANSLATE, Stage.SUMMARIZE);
                }
            }
        });
    }

    private List<FaultInjectingModel.Call> firstRound() {
        return model.calls().stream().filter(c -> c.round() == 1).toList();
    }

    /** Every call by its logical key (which includes the round), each key's calls in the order they arrived. */
    private Map<String, List<FaultInjectingModel.Call>> callsByKey() {
        return model.calls().stream()
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                .collect(Collectors.groupingBy(
                        FaultInjectingModel.Call::logicalKey, LinkedHashMap::new, Collectors.toList()));
    }
}
