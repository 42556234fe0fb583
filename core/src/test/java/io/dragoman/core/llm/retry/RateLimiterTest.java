package io.dragoman.core.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** Fake time: sleeping moves the clock forward. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    private RateLimiter limiter(int rpm, long tpm) {
        return new RateLimiter(new RateLimiter.Limits(rpm, tpm), now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        });
    }

    @Test
    void holdsEveryRequestBackUntilAProviderSaidItsWindowResets() throws InterruptedException {
        RateLimiter limiter = limiter(0, 0);

        limiter.pause(Duration.ofSeconds(6));
        limiter.pause(Duration.ofSeconds(2));
        limiter.acquire(0);
        limiter.acquire(0);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(6));
    }

    @Test
    void trustsAResetHeaderForAtMostTenMinutes() throws InterruptedException {
        RateLimiter limiter = limiter(0, 0);

        limiter.pause(Duration.ofHours(5));
        limiter.acquire(0);

        assertThat(sleeps).containsExactly(Duration.ofMinutes(10));
    }

    @Test
    void letsABurstUpToTheLimitGoThenWaitsAWindowAndAMarginAfterTheFirstAnswer() throws InterruptedException {
        RateLimiter limiter = limiter(3, 0);

        limiter.acquire(0).close();
        limiter.acquire(0).close();
        limiter.acquire(0).close();
        limiter.acquire(0).close();

        assertThat(sleeps)
                .as("three go at once; the fourth waits 60 s plus 1 %")
                .containsExactly(Duration.ofMillis(60_600));
    }

    @Test
    void countsTheWindowOfARequestFromItsAnswerNotFromWhenItLeft() throws InterruptedException {
        RateLimiter.Permit[] first = new RateLimiter.Permit[1];
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(1, 0), now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
            if (sleeps.size() == 3) {
                first[0].close(); // the first request's answer comes back 60 ms after it left
            }
        });
        first[0] = limiter.acquire(0);

        limiter.acquire(0).close();

        assertThat(sleeps)
                .as("looks again while the first is in flight, then waits a window and the margin from its answer")
                .containsExactly(
                        Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(60_600));
    }

    @Test
    void aPauseAskedForWhileACallerWaitsHoldsItBackWhenItWakes() throws InterruptedException {
        RateLimiter[] limiter = new RateLimiter[1];
        limiter[0] = new RateLimiter(new RateLimiter.Limits(1, 0), now::get, d -> {
            sleeps.add(d);
            if (sleeps.size() == 1) {
                limiter[0].pause(Duration.ofSeconds(120)); // another worker's 429 says wait two minutes
            }
            now.addAndGet(d.toNanos());
        });
        limiter[0].acquire(0).close();

        limiter[0].acquire(0).close();

        assertThat(sleeps).containsExactly(Duration.ofMillis(60_600), Duration.ofMillis(59_400));
    }

    @Test
    void countsOverTheProvidersWindowWhenItIsShorterThanAMinute() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(100, 0, Duration.ofSeconds(3)), now::get, d -> {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        });

        for (int i = 0; i < 6; i++) {
            limiter.acquire(0).close();
        }

        assertThat(sleeps)
                .as("5 in any 3 s: the sixth waits 3 s and the 30 ms margin")
                .containsExactly(Duration.ofMillis(3_030));
    }

    @Test
    void doesNotWaitWhenRequestsArriveSlowerThanTheLimit() throws InterruptedException {
        RateLimiter limiter = limiter(1, 0);

        limiter.acquire(0).close();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        limiter.acquire(0).close();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void spendsTheMinutesTokenBudgetAtOnceThenWaitsForItToRefill() throws InterruptedException {
        RateLimiter limiter = limiter(0, 6_000); // refills 100 tokens a second

        limiter.acquire(3_000);
        limiter.acquire(3_000);
        limiter.acquire(3_000);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void chargesACallLargerThanTheBudgetAsTheWholeBudgetSoItStillRuns() throws InterruptedException {
        RateLimiter limiter = limiter(0, 1_000);

        limiter.acquire(50_000);
        limiter.acquire(500);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void neverWaitsWithoutLimits() throws InterruptedException {
        RateLimiter limiter = limiter(0, 0);

        for (int i = 0; i < 1000; i++) {
            limiter.acquire(1_000_000);
        }

        assertThat(sleeps).isEmpty();
    }

    @Test
    void concurrentCallersNeverHaveMoreThanTheLimitInOneWindow() throws InterruptedException {
        RateLimiter limiter = RateLimiter.of(new RateLimiter.Limits(600, 0, Duration.ofMillis(300))); // 3 per 300 ms
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(9);
        for (int i = 0; i < 9; i++) {
            pool.execute(() -> {
                try (RateLimiter.Permit permit = limiter.acquire(0)) {
                    long left = System.nanoTime();
                    Thread.sleep(10); // the call
                    calls.add(new long[] {left, System.nanoTime()});
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        List<long[]> byStart = calls.stream()
                .sorted(java.util.Comparator.comparingLong(c -> c[0]))
                .toList();
        assertThat(byStart).hasSize(9);
        for (int i = 3; i < byStart.size(); i++) {
            long earliestAnswer = byStart.subList(0, i - 2).stream()
                    .mapToLong(c -> c[1])
                    .max()
                    .orElseThrow();
            assertThat(byStart.get(i)[0] - earliestAnswer)
                    .as("request %d leaves 300 ms after an answer of a request three before it", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        }
    }

    @Test
    void rejectsNegativeLimitsAndTokenCounts() {
        assertThatThrownBy(() -> new RateLimiter.Limits(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, 1).acquire(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitsBeforeEveryCallOfTheWrappedProvider() {
        ModelReply reply = new ModelReply("ok", FinishReason.STOP, Optional.empty(), ProviderKind.OLLAMA, "qwen2.5:7b");
        List<String> calls = new ArrayList<>();
        ModelProvider model = new ModelProvider() {
            @Override
            public ModelReply chat(ModelRequest request) {
                calls.add("call at "
                        + Duration.ofNanos(now.get() - 1_000_000_000L).toSeconds() + " s");
                return reply;
            }

            @Override
            public ProviderInfo info() {
                return new ProviderInfo(ProviderKind.OLLAMA, "qwen2.5:7b", "http://localhost:11434");
            }
        };
        ModelProvider limited = new RateLimitedModelProvider(model, limiter(1, 0), request -> 0);

        limited.chat(ModelRequest.of("", "eins", 10, 0));
        limited.chat(ModelRequest.of("", "zwei", 10, 0));

        assertThat(calls).containsExactly("call at 0 s", "call at 60 s");
    }

    /** A provider that fails every call with {@code failure}. */
    private static ModelProvider failing(RetriableFailure failure) {
        return new ModelProvider() {
            @Override
            public ModelReply chat(ModelRequest request) {
                throw failure;
            }

            @Override
            public ProviderInfo info() {
                return new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://localhost:1/v1");
            }
        };
    }

    @Test
    void aTooManyRequestsAnswerWithRetryAfterHoldsBackEveryCallerOfTheLimiter() throws InterruptedException {
        RateLimiter limiter = limiter(0, 0);
        ModelProvider limited = new RateLimitedModelProvider(
                failing(new RetriableFailure(
                        "openai rate limit (HTTP 429)", 429, Optional.of(Duration.ofSeconds(7)), null)),
                limiter,
                request -> 0);

        assertThatThrownBy(() -> limited.chat(ModelRequest.of("", "eins", 10, 0)))
                .isInstanceOf(RetriableFailure.class);
        limiter.acquire(0); // another worker's next call

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aServerErrorDoesNotHoldBackTheOtherCallers() throws InterruptedException {
        RateLimiter limiter = limiter(0, 0);
        ModelProvider limited = new RateLimitedModelProvider(
                failing(new RetriableFailure(
                        "openai is overloaded (HTTP 503)", 503, Optional.of(Duration.ofSeconds(7)), null)),
                limiter,
                request -> 0);

        assertThatThrownBy(() -> limited.chat(ModelRequest.of("", "eins", 10, 0)))
                .isInstanceOf(RetriableFailure.class);
        limiter.acquire(0);

        assertThat(sleeps).isEmpty();
    }

    @Test
    void estimatesTokensFromTheMessagesAndTheWholeOutputBudget() {
        assertThat(RateLimitedModelProvider.roughTokens(ModelRequest.of("abc", "defghi", 100, 0)))
                .isEqualTo(103);
    }
}
