package io.dragoman.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.SyntheticCorpus;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdenticalCopiesReportTest {

    @TempDir
    Path tmp;

    /** Stores article {@code n}'s text under another id, with its translation's provenance replaced when given. */
    private static void copy(RunStore store, int n, String id, List<String> paragraphs, Optional<Provenance> model) {
        CleanedArticle original = SyntheticCorpus.article(n);
        ArticleId copy = new ArticleId(id);
        store.articles()
                .saveCleaned(
                        copy,
                        "in/" + id,
                        "hash-" + id,
                        new CleanedArticle(copy, original.title(), paragraphs, original.metadata(), List.of()));
        Translation t = SyntheticCorpus.translation(n, original);
        store.articles()
                .saveTranslation(
                        copy,
                        new Translation(
                                copy,
                                t.title(),
                                t.dateline(),
                                t.paragraphs(),
                                t.checks(),
                                t.chunks(),
                                model.orElse(t.provenance())));
    }

    @Test
    void theReportCountsTheCopiesOfACleanedTextTranslatedByTheSameModelAndWhatTheyWouldHaveCost() {
        RunReport report;
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 3);
            List<String> same = SyntheticCorpus.article(1).paragraphs();
            copy(store, 1, "copy-a", same, Optional.empty());
            copy(store, 1, "copy-b", same, Optional.empty());
            List<String> edited = new ArrayList<>(same);
            edited.set(3, "Weitere Gespräche sind für den Winter geplant.");
            copy(store, 1, "edited", edited, Optional.empty());
            Provenance p =
                    SyntheticCorpus.translation(1, SyntheticCorpus.article(1)).provenance();
            copy(
                    store,
                    1,
                    "other-model",
                    same,
                    Optional.of(new Provenance(
                            p.provider(), "another-model", p.promptVersions(), p.usage(), p.cost(), p.calls())));
            report = new OutputWriter(tmp).report(store, Optional.empty());
        }

        assertThat(report.identicalCopies().articles())
                .as("copy-a and copy-b; not the edited one nor the one another model translated")
                .isEqualTo(2);
        assertThat(report.identicalCopies().calls()).isEqualTo(2);
        assertThat(report.identicalCopies().costUsd()).isEqualByComparingTo(new BigDecimal("0.0008"));
        assertThat(report.markdown())
                .contains("Identical copies: 2 articles have the same cleaned text as another article, so the call"
                        + " cache answered their 2 model calls and they cost nothing ($0.0008 of the recorded cost"
                        + " above).");
        assertThat(report.json()).contains("\"identicalCopies\" : {");
    }

    @Test
    void aStoreWithoutCopiesSaysNothingAboutThem() {
        RunReport report;
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 5);
            report = new OutputWriter(tmp).report(store, Optional.empty());
        }

        assertThat(report.identicalCopies().articles()).isZero();
        assertThat(report.markdown()).doesNotContain("Identical copies");
    }
}
