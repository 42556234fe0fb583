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
    void spacesRequestsEvenlyAtTheRequestsPerMinuteLimit() throws InterruptedException {
        RateLimiter limiter = limiter(60, 0);

        limiter.acquire(0);
        limiter.acquire(0);
        limiter.acquire(0);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void doesNotWaitWhenRequestsArriveSlowerThanTheLimit() throws InterruptedException {
        RateLimiter limiter = limiter(60, 0);

        limiter.acquire(0);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        limiter.acquire(0);

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
    void givesConcurrentCallersSeparateSlots() throws InterruptedException {
        RateLimiter limiter =
                new RateLimiter(new RateLimiter.Limits(60, 0), now::get, sleeps::add); // time stands still
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(8);
        for (int i = 0; i < 8; i++) {
            pool.execute(() -> {
                try {
                    limiter.acquire(0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        List<Long> waits = sleeps.stream().map(Duration::toSeconds).sorted().toList();
        assertThat(waits).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
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
        ModelProvider limited = new RateLimitedModelProvider(model, limiter(30, 0), request -> 0);

        limited.chat(ModelRequest.of("", "eins", 10, 0));
        limited.chat(ModelRequest.of("", "zwei", 10, 0));

        assertThat(calls).containsExactly("call at 0 s", "call at 2 s");
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
