package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.article.Stages;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.RunStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run store that stops taking writes part-way through a batch (SQLite's {@code max_page_count} makes a small file
 * behave as a full disk): the run stops with the store's error instead of going on article after article, what was
 * committed before stays, and a run with room resumes from there.
 */
class BatchRunnerFullStoreTest {

    private static final int ARTICLES = 60;
    /** 4 KiB pages: room for the schema and a few of the 20 KiB articles below. */
    private static final int MAX_PAGES = 40;

    @TempDir
    Path tmp;

    /** Makes an article of about 20 KiB out of each input, counting the calls. */
    private static final class BulkyCleaner implements Cleaner {
        final AtomicInteger cleaned = new AtomicInteger();

        @Override
        public CleanedArticle clean(RawArticle raw) {
            cleaned.incrementAndGet();
            List<String> paragraphs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                paragraphs.add(new String(raw.content(), StandardCharsets.UTF_8) + " Absatz " + i + " "
                        + "Belarus und seine Nachbarn vereinbaren Zusammenarbeit. ".repeat(8));
            }
            return new CleanedArticle(raw.id(), "Titel " + raw.id().value(), paragraphs, metadata(raw), List.of());
        }

        private static ArticleMetadata metadata(RawArticle raw) {
            return new ArticleMetadata(null, null, null, null, null, null, "de", null, raw.location(), null, List.of());
        }
    }

    private static Stream<Input> inputs() {
        return IntStream.range(0, ARTICLES).mapToObj(n -> {
            String id = String.format(Locale.ROOT, "a%03d", n);
            return new Input.Read(RawArticle.of(
                    new ArticleId(id), "in/" + id + ".txt", ("Artikel " + id).getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static BatchRunner cleaningRunner(Cleaner cleaner, RunStore store) {
        return new BatchRunner(
                new ArticlePipeline(
                        cleaner,
                        Optional.empty(),
                        Optional.empty(),
                        Stages.CLEAN_ONLY,
                        ArticlePipeline.Retries.DEFAULT,
                        PriceTable.builtIn()),
                Optional.empty(),
                store,
                Optional.empty(),
                new BatchRunner.Settings(4, Optional.empty()),
                Clock.systemUTC());
    }

    @Test
    void aStoreThatRunsOutOfRoomStopsTheRunWithItsErrorAndARunWithRoomResumes() {
        Path db = tmp.resolve("dragoman.db");
        Properties full = new Properties();
        full.setProperty("max_page_count", Integer.toString(MAX_PAGES));
        BulkyCleaner cleaner = new BulkyCleaner();
        List<ArticleOutcome> heard = new ArrayList<>();
        long committedBefore;
        try (RunStore store = RunStore.open(db, Clock.systemUTC(), full)) {
            BatchRunner.Control control = new BatchRunner.Control();
            try {
                RunResult rr = cleaningRunner(cleaner, store).run(inputs(), heard::add, control);
            } catch (RuntimeException e) {
            }

            assertThatThrownBy(() -> cleaningRunner(cleaner, store).run(inputs(), heard::add, control))
                    .isInstanceOf(RunStoreException.class)
                    .hasMessageContaining(db.toString())
                    .hasMessageContaining("the disk is full")
                    .hasMessageContaining("finished work is kept");

            assertThat(control.stopping()).as("the intake was stopped").isTrue();
            assertThat(cleaner.cleaned.get())
                    .as("articles cleaned: the intake stopped at the error, not after trying every article")
                    .isLessThan(ARTICLES / 2);
            assertThat(store.integrityCheck()).isTrue();
            committedBefore = store.articles().counts().get(ArticleStatus.CLEANED);
            assertThat(committedBefore).isPositive().isEqualTo(heard.size());
            assertThat(store.articles().counts().get(ArticleStatus.IN_FLIGHT)).isZero();
        }

        BulkyCleaner again = new BulkyCleaner();
        try (RunStore store = RunStore.open(db)) {
            RunResult resumed = cleaningRunner(again, store).run(inputs(), o -> {}, new BatchRunner.Control());

            assertThat(resumed.stop()).isEqualTo(RunResult.Stop.COMPLETED);
            assertThat(resumed.skipped()).isEqualTo((int) committedBefore);
            assertThat(resumed.done()).isEqualTo(ARTICLES - (int) committedBefore);
            assertThat(again.cleaned.get()).isEqualTo(ARTICLES - (int) committedBefore);
            assertThat(store.articles().counts().get(ArticleStatus.CLEANED)).isEqualTo(ARTICLES);
            assertThat(store.integrityCheck()).isTrue();
        }
    }

    @Test
    void anErrorThatEscapesAnArticleStopsTheRunAndIsThrownInsteadOfBeingLost() {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            AtomicInteger heard = new AtomicInteger();
            IllegalStateException bug = new IllegalStateException("listener broke");
            RunListener breaking = o -> {
                if (heard.incrementAndGet() == 5) {
                    throw bug;
                }
            };

            assertThatThrownBy(() -> cleaningRunner(new BulkyCleaner(), store)
                            .run(inputs(), breaking, new BatchRunner.Control()))
                    .isSameAs(bug);
            assertThat(heard.get()).isLessThan(ARTICLES);
            assertThat(store.articles().counts().get(ArticleStatus.IN_FLIGHT)).isZero();
            assertThat(store.integrityCheck()).isTrue();
        }
    }
}
