package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.store.RunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleaning runs ahead of the model slots, bounded: while every slot waits for the model, as many more articles are
 * cleaned and stored, ready for the next free slot, and no more; cleaning happens off the slots' threads.
 */
class CleaningAheadTest {

    private static final int CONCURRENCY = 3;
    private static final int ARTICLES = 20;

    @TempDir
    Path tmp;

    /** Makes a German article of each input, counting them and noting the threads that clean. */
    private static final class CountingCleaner implements Cleaner {
        final AtomicInteger cleaned = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public CleanedArticle clean(RawArticle raw) {
            cleaned.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            String text = new String(raw.content(), StandardCharsets.UTF_8);
            return new CleanedArticle(
                    raw.id(),
                    "Titel " + raw.id().value(),
                    List.of(text + " Die Stadt plant eine neue Brücke über den Fluss."),
                    new ArticleMetadata(
                            null, null, null, null, null, null, "de", null, raw.location(), null, List.of()),
                    List.of());
        }
    }

    /** Holds every call until released, then rejects the key, which ends the model stages of the run. */
    private static final class HeldModel implements ModelProvider {
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public ModelReply chat(ModelRequest request) {
            calls.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new PermanentFailure("openai rejected the key in OPENAI_API_KEY (HTTP 401).", 401, null);
        }

        @Override
        public ProviderInfo info() {
            return new ProviderInfo(ProviderKind.OPENAI, "gpt-4.1-mini", "http://127.0.0.1:1/v1");
        }
    }

    private static Stream<Input> inputs() {
        return IntStream.range(0, ARTICLES).mapToObj(n -> {
            String id = String.format(Locale.ROOT, "a%03d", n);
            return new Input.Read(RawArticle.of(
                    new ArticleId(id),
                    "in/" + id + ".txt",
                    ("Artikel " + id + ": Der Stadtrat hat am Montag beraten.").getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    @Timeout(60)
    void whileEverySlotWaitsForTheModelAsManyMoreArticlesAreCleanedOffTheSlotsAndNoMore() throws Exception {
        CountingCleaner cleaner = new CountingCleaner();
        HeldModel model = new HeldModel();
        Path db = tmp.resolve("dragoman.db");
        try (Dragoman d = Dragoman.builder()
                .cleaner(cleaner)
                .languages(text -> Optional.of("de"))
                .model(model)
                .store(db)
                .concurrency(CONCURRENCY)
                .build()) {
            CompletableFuture<RunResult> run =
                    CompletableFuture.supplyAsync(() -> d.run(inputs(), o -> {}, new BatchRunner.Control()));

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((model.calls.get() < CONCURRENCY || cleaner.cleaned.get() < 2 * CONCURRENCY)
                    && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // time for cleaning to run further ahead, if it were unbounded

            assertThat(model.calls).as("calls held at once").hasValue(CONCURRENCY);
            assertThat(cleaner.cleaned)
                    .as("articles cleaned while every slot waits: those in the slots and as many ready for them")
                    .hasValue(2 * CONCURRENCY);
            assertThat(cleaner.threads)
                    .as("threads that cleaned")
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(model.threads);

            model.release.countDown();
            RunResult result = run.get(30, TimeUnit.SECONDS);

            assertThat(result.stop()).isEqualTo(RunResult.Stop.CONFIGURATION);
        }
        try (RunStore store = RunStore.open(db)) {
            assertThat(store.articles().counts())
                    .as("a rejected key still leaves every input cleaned")
                    .containsEntry(ArticleStatus.CLEANED, (long) ARTICLES)
                    .containsEntry(ArticleStatus.IN_FLIGHT, 0L);
        }
    }
}
