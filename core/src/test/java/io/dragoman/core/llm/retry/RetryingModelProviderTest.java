package io.dragoman.core.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import io.dragoman.core.llm.Usage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryingModelProviderTest {

    private static final ModelRequest REQUEST = ModelRequest.of("", "Guten Tag.", 100, 0);
    private static final ModelReply REPLY =
            new ModelReply("Good day.", FinishReason.STOP, Optional.of(new Usage(3, 3)), ProviderKind.OLLAMA, "m");
    private static final RetryingModelProvider.Settings SETTINGS =
            new RetryingModelProvider.Settings(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));

    private final List<Duration> sleeps = new ArrayList<>();

    /** A provider that plays back the given outcomes, one per call. */
    private static final class Scripted implements ModelProvider {
        private final Deque<Supplier<ModelReply>> script;
        int calls;

        @SafeVarargs
        Scripted(Supplier<ModelReply>... outcomes) {
            this.script = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public ModelReply chat(ModelRequest request) {
            calls++;
            return script.isEmpty() ? REPLY : script.removeFirst().get();
        }

        @Override
        public ProviderInfo info() {
            return new ProviderInfo(ProviderKind.OLLAMA, "m", "http://localhost:11434");
        }
    }

    private static Supplier<ModelReply> fail(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    private static RetriableFailure serverError() {
        return new RetriableFailure("server error", 500, Optional.empty(), null);
    }

    @Test
    void backsOffExponentiallyWithJitterBetweenRetries() {
        Scripted model = new Scripted(fail(serverError()), fail(serverError()), fail(serverError()));

        assertThat(new RetryingModelProvider(model, SETTINGS, sleeps::add).chat(REQUEST))
                .isEqualTo(REPLY);

        assertThat(model.calls).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1250));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(3000), Duration.ofMillis(5000));
    }

    @Test
    void waitsExactlyAsLongAsTheServerAsked() {
        Scripted model =
                new Scripted(fail(new RetriableFailure("slow down", 429, Optional.of(Duration.ofSeconds(17)), null)));

        new RetryingModelProvider(model, SETTINGS, sleeps::add).chat(REQUEST);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(17));
    }

    @Test
    void failsAtOnceInsteadOfWaitingLongerThanTheLimit() {
        Scripted model = new Scripted(fail(new RetriableFailure("quota", 429, Optional.of(Duration.ofHours(1)), null)));

        assertThatThrownBy(() -> new RetryingModelProvider(model, SETTINGS, sleeps::add).chat(REQUEST))
                .isInstanceOf(RetriableFailure.class)
                .hasMessageContaining("not waiting 60 min 0 s");
        assertThat(sleeps).isEmpty();
        assertThat(model.calls).isEqualTo(1);
    }

    @Test
    void neverRetriesAPermanentFailure() {
        Scripted model = new Scripted(fail(new PermanentFailure("bad key", 401, null)));

        assertThatThrownBy(() -> new RetryingModelProvider(model, SETTINGS, sleeps::add).chat(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("bad key");
        assertThat(model.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stopsWhenInterruptedWhileWaitingAndKeepsTheInterruptFlag() {
        Scripted model = new Scripted(fail(serverError()));
        Sleeper interrupted = d -> {
            throw new InterruptedException();
        };

        try {
            assertThatThrownBy(() -> new RetryingModelProvider(model, SETTINGS, interrupted).chat(REQUEST))
                    .isInstanceOf(RetriableFailure.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
