package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.input.Input;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LearningPassTest {

    private static final Progress.Display PLAIN = new Progress.Display(Optional.empty(), false, Duration.ofHours(1));

    /** Notes which inputs it observed and on which thread; cleans nothing. */
    private static final class Observing implements Cleaner {
        final Set<String> observed = ConcurrentHashMap.newKeySet();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public CleanedArticle clean(RawArticle raw) {
            throw new AssertionError("the learning pass cleans nothing");
        }

        @Override
        public void observe(RawArticle raw) {
            observed.add(raw.id().value());
            threads.add(Thread.currentThread().getName());
        }
    }

    private static Stream<Input> inputs(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new Input.Read(RawArticle.of(
                        new ArticleId("a" + i), "in/a" + i + ".txt", ("Text " + i).getBytes(StandardCharsets.UTF_8))));
    }

    private static Progress progress() {
        return Progress.start(PLAIN, true, new PrintWriter(new StringWriter()), Clock.systemUTC());
    }

    @Test
    @Timeout(10)
    void readsTheInputsOnItsOwnThreadWhileTheCallerGoesOnAndSaysHowManyItRead() throws Exception {
        Observing cleaner = new Observing();
        CountDownLatch opened = new CountDownLatch(1);
        try (Progress progress = progress();
                LearningPass pass = new LearningPass(
                        cleaner,
                        () -> {
                            opened.countDown();
                            return Stream.concat(
                                    inputs(5), Stream.of(new Input.Unreadable("in/x.txt", "permission denied")));
                        },
                        () -> false)) {
            opened.await(); // the caller is free meanwhile: it loads models, opens the store

            assertThat(pass.await(progress)).isEqualTo(6);
            assertThat(cleaner.observed).containsExactlyInAnyOrder("a0", "a1", "a2", "a3", "a4");
            assertThat(cleaner.threads).containsExactly("dragoman-learn");
        }
    }

    @Test
    void whatOpeningTheInputsThrowsIsThrownByAwait() {
        UncheckedIOException unreadable = new UncheckedIOException(new java.io.IOException("in: no such directory"));
        try (Progress progress = progress();
                LearningPass pass = new LearningPass(
                        new Observing(),
                        () -> {
                            throw unreadable;
                        },
                        () -> false)) {
            assertThatThrownBy(() -> pass.await(progress)).isSameAs(unreadable);
        }
    }

    @Test
    void aRunAskedToStopReadsNoFurther() {
        Observing cleaner = new Observing();
        AtomicBoolean stopping = new AtomicBoolean();
        try (Progress progress = progress();
                LearningPass pass = new LearningPass(
                        cleaner,
                        () -> inputs(100).peek(i -> stopping.set(cleaner.observed.size() >= 3)),
                        stopping::get)) {
            assertThat(pass.await(progress)).isEqualTo(3);
            assertThat(cleaner.observed).hasSize(3);
        }
    }
}
