package io.dragoman.core.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReachabilityGuardTest {

    private static final ModelRequest REQUEST = ModelRequest.of("", "Guten Tag.", 100, 0);
    private static final ModelReply REPLY =
            new ModelReply("Good day.", FinishReason.STOP, Optional.empty(), ProviderKind.OPENAI, "m");
    private static final String URL = "http://127.0.0.1:1/v1";

    private final AtomicLong now = new AtomicLong();

    /** Answers with what the script says next: a failure to throw, or null for a reply. */
    private static final class Scripted implements ModelProvider {
        final Deque<ModelFailure> script = new ArrayDeque<>();
        final String baseUrl;
        int calls;

        Scripted(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public ModelReply chat(ModelRequest request) {
            calls++;
            ModelFailure next = script.isEmpty() ? null : script.removeFirst();
            if (next != null) {
                throw next;
            }
            return REPLY;
        }

        @Override
        public ProviderInfo info() {
            return new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", baseUrl);
        }
    }

    private static RetriableFailure refused() {
        return RetriableFailure.noConnection("Could not connect to openai: is the server running?");
    }

    private ReachabilityGuard guard(ModelProvider delegate) {
        return new ReachabilityGuard(delegate, new ReachabilityGuard.Settings(4, Duration.ofSeconds(3)), now::get);
    }

    /** Calls once, advancing the clock by {@code millis} first, and returns what it threw. */
    private ModelFailure failingCall(ReachabilityGuard guard, long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
        return catchThrowableOfType(ModelFailure.class, () -> guard.chat(REQUEST));
    }

    @Test
    void givesUpAfterFourConnectionFailuresInARowOverThreeSecondsNamingTheBaseUrl() {
        Scripted model = new Scripted(URL);
        for (int i = 0; i < 4; i++) {
            model.script.add(refused());
        }
        ReachabilityGuard guard = guard(model);

        assertThat(failingCall(guard, 0)).isInstanceOf(RetriableFailure.class);
        assertThat(failingCall(guard, 1000)).isInstanceOf(RetriableFailure.class);
        assertThat(failingCall(guard, 1000)).isInstanceOf(RetriableFailure.class);
        ModelFailure last = failingCall(guard, 1000);

        assertThat(last).isInstanceOf(PermanentFailure.class);
        assertThat(last.noConnection()).isTrue();
        assertThat(last.getMessage())
                .startsWith("Gave up on openai at " + URL + ": 4 connection attempts in a row failed over 3 s (")
                .contains("Could not connect");
        assertThat(guard.gaveUpOnIt()).isTrue();
        assertThatThrownBy(() -> guard.chat(REQUEST))
                .as("a call after the guard gave up")
                .isInstanceOf(PermanentFailure.class);
        assertThat(model.calls).as("calls that reached the provider").isEqualTo(4);
    }

    @Test
    void manyFailuresInAMomentAreNotEnoughASecondLaterOutageNeedsTheSpan() {
        Scripted model = new Scripted(URL);
        for (int i = 0; i < 10; i++) {
            model.script.add(refused());
        }
        ReachabilityGuard guard = guard(model);

        for (int i = 0; i < 8; i++) {
            assertThat(failingCall(guard, 10)).isInstanceOf(RetriableFailure.class);
        }
        assertThat(failingCall(guard, 2900))
                .as("nine failures, but over less than three seconds")
                .isInstanceOf(RetriableFailure.class);
        assertThat(failingCall(guard, 100)).isInstanceOf(PermanentFailure.class);
    }

    @Test
    void anAnswerOfAnyKindStartsTheCountAgain() {
        Scripted model = new Scripted(URL);
        model.script.add(refused());
        model.script.add(refused());
        model.script.add(refused());
        model.script.add(new RetriableFailure("server error", 500, Optional.empty(), null));
        model.script.add(refused());
        model.script.add(refused());
        model.script.add(refused());
        ReachabilityGuard guard = guard(model);

        for (int i = 0; i < 7; i++) {
            assertThat(failingCall(guard, 2000)).as("call %d", i).isInstanceOf(RetriableFailure.class);
        }
        assertThat(guard.chat(REQUEST)).isEqualTo(REPLY);
        assertThat(guard.gaveUpOnIt()).isFalse();
    }

    @Test
    void theLineNeverShowsTheUserAndPasswordOfTheBaseUrl() {
        Scripted model = new Scripted("https://me:sk-secret-in-url@proxy.example/v1");
        for (int i = 0; i < 4; i++) {
            model.script.add(refused());
        }
        ReachabilityGuard guard = guard(model);
        ModelFailure last = null;
        for (int i = 0; i < 4; i++) {
            last = failingCall(guard, 1000);
        }

        assertThat(last.getMessage()).contains("at https://proxy.example/v1:").doesNotContain("sk-secret");
    }

    @Test
    void aRetryWaitingForItsBackoffWakesWhenTheGuardGivesUp() throws Exception {
        Scripted model = new Scripted(URL);
        for (int i = 0; i < 4; i++) {
            model.script.add(refused());
        }
        ReachabilityGuard guard =
                new ReachabilityGuard(model, new ReachabilityGuard.Settings(4, Duration.ZERO), System::nanoTime);
        long start = System.nanoTime();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                guard.sleeper().sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.chat(REQUEST)).isInstanceOf(ModelFailure.class);
        }

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
