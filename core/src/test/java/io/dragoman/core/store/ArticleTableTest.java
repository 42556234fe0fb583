package io.dragoman.core.store;

import static io.dragoman.core.store.StoredValues.cleaned;
import static io.dragoman.core.store.StoredValues.id;
import static io.dragoman.core.store.StoredValues.summary;
import static io.dragoman.core.store.StoredValues.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.translate.Seeds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of table {@code articles}: what each write keeps, drops and counts, and how rows are read back. */
class ArticleTableTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private RunStore open() {
        return RunStore.open(dir.resolve("dragoman.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The text of one column of one row, read past the store with plain SQL. */
    private String column(String id, String column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dragoman.db"));
                PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM articles WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("row %s", id).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void savesAndReadsBackEachStage() {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            articles.saveCleaned(id("a1"), "in/a1.html", "h1", cleaned("a1", "Erster Absatz."));
            StoredArticle first = articles.find(id("a1")).orElseThrow();
            assertThat(first.id()).isEqualTo(id("a1"));
            assertThat(first.status()).isEqualTo(ArticleStatus.CLEANED);
            assertThat(first.location()).contains("in/a1.html");
            assertThat(first.inputHash()).contains("h1");
            assertThat(first.cleaned()).contains(cleaned("a1", "Erster Absatz."));
            assertThat(first.translation()).isEmpty();
            assertThat(first.holds(Stage.CLEAN)).isTrue();
            assertThat(first.holds(Stage.TRANSLATE)).isFalse();
            assertThat(first.lastFinished()).contains(Stage.CLEAN);
            assertThat(first.updatedAt()).isEqualTo(NOW);

            articles.saveTranslation(id("a1"), translation("a1", "Grüße, 東京"));
            assertThat(articles.find(id("a1")).orElseThrow().status()).isEqualTo(ArticleStatus.TRANSLATED);

            articles.saveSummary(id("a1"), summary("a1", "It is done."));
            StoredArticle done = articles.find(id("a1")).orElseThrow();
            assertThat(done.status()).isEqualTo(ArticleStatus.SUMMARIZED);
            assertThat(done.cleaned()).contains(cleaned("a1", "Erster Absatz."));
            assertThat(done.translation()).contains(translation("a1", "Grüße, 東京"));
            assertThat(done.summary()).contains(summary("a1", "It is done."));
            assertThat(done.failure()).isEmpty();
            assertThat(done.attempts()).isZero();
            assertThat(done.lastFinished()).contains(Stage.SUMMARIZE);
            assertThat(done.madeFrom("h1")).isTrue();
            assertThat(done.madeFrom("h2")).isFalse();

            assertThat(articles.find(id("nope"))).isEmpty();
        }
    }

    @Test
    void theJsonColumnsHoldExactlyWhatStoredJsonWrites() throws Exception {
        StoredJson json = new StoredJson();
        CleanedArticle article = Seeds.all().get(0).article();
        ObjectNode detail =
                new ObjectMapper().createObjectNode().put("calls", 2).put("costUsd", 7.68E-4);
        try (RunStore store = open()) {
            ArticleId id = article.id();
            store.articles().saveCleaned(id, "in/a", "h", article);
            store.articles().saveTranslation(id, Seeds.all().get(0).translation());
            store.articles().saveSummary(id, summary(id.value(), "S."));
            assertThat(column(id.value(), "cleaned_json")).isEqualTo(json.cleaned(article));
            assertThat(column(id.value(), "translation_json"))
                    .isEqualTo(json.translation(Seeds.all().get(0).translation()));
            assertThat(column(id.value(), "summary_json")).isEqualTo(json.summary(summary(id.value(), "S.")));

            store.articles()
                    .saveFailure(
                            id, StoredFailure.of(Stage.SUMMARIZE, "bad", true).withDetail(detail));
            assertThat(column(id.value(), "failure_detail")).isEqualTo("{\"calls\":2,\"costUsd\":7.68E-4}");
        }
    }

    @Test
    void everyStatusIsKeptAsTheTextOfItsNameAndReadBackAsTheEnum() throws Exception {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            articles.saveCleaned(id("cleaned"), "l", "h", cleaned("cleaned", "x"));
            articles.saveCleaned(id("translated"), "l", "h", cleaned("translated", "x"));
            articles.saveTranslation(id("translated"), translation("translated", "x"));
            articles.saveCleaned(id("summarized"), "l", "h", cleaned("summarized", "x"));
            articles.saveTranslation(id("summarized"), translation("summarized", "x"));
            articles.saveSummary(id("summarized"), summary("summarized", "x"));
            articles.saveFailure(id("failed"), StoredFailure.of(Stage.TRANSLATE, "timeout", true));
            articles.markInFlight(id("in_flight"));

            for (ArticleStatus status : ArticleStatus.values()) {
                String row = status.name().toLowerCase(Locale.ROOT);
                assertThat(articles.find(id(row)).orElseThrow().status()).isEqualTo(status);
                assertThat(column(row, "status")).isEqualTo(status.name());
            }
            assertThat(column("failed", "failure_stage")).isEqualTo("TRANSLATE");
            assertThat(articles.counts().values()).containsOnly(1L);
        }
    }

    @Test
    void aFailureWithAndWithoutItsInputAndDetailsComesBackAsSaved() throws Exception {
        ObjectNode detail =
                (ObjectNode) new ObjectMapper().readTree("{\"calls\":3,\"rawReply\":\"{\\\"headline\\\":\"}");
        StoredFailure bare = StoredFailure.of(Stage.TRANSLATE, "rate limited", true);
        StoredFailure full = StoredFailure.of(Stage.SUMMARIZE, "invalid JSON", false)
                .at("in/b.html", "hb")
                .withDetail(detail);
        try (RunStore store = open()) {
            store.articles().saveFailure(id("bare"), bare);
            store.articles().saveFailure(id("full"), full);
        }
        try (RunStore store = open()) {
            assertThat(store.articles().find(id("bare")).orElseThrow().failure())
                    .contains(bare);
            StoredArticle row = store.articles().find(id("full")).orElseThrow();
            assertThat(row.failure()).contains(full);
            assertThat(row.failure().orElseThrow().detail()).contains(detail);
            assertThat(row.location()).contains("in/b.html");
            assertThat(row.inputHash()).contains("hb");
            assertThat(row.status()).isEqualTo(ArticleStatus.FAILED);
        }
    }

    @Test
    void aFailuresDetailIsCopiedSoChangingTheNodeChangesNothingStored() {
        ObjectNode detail = new ObjectMapper().createObjectNode().put("calls", 1);
        StoredFailure failure = StoredFailure.of(Stage.TRANSLATE, "x", true).withDetail(detail);
        detail.put("calls", 99);
        failure.detail().orElseThrow().put("calls", 98);

        assertThat(failure.detail().orElseThrow().get("calls").asInt()).isEqualTo(1);
    }

    @Test
    void savingALaterStageOfAnArticleThatWasNeverCleanedIsRefused() {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            assertThatThrownBy(() -> articles.saveTranslation(id("ghost"), translation("ghost", "t")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ghost")
                    .hasMessageContaining("dragoman.db")
                    .hasMessageContaining("save the cleaned article before its translation");
            articles.markInFlight(id("ghost"));
            assertThatThrownBy(() -> articles.saveSummary(id("ghost"), summary("ghost", "s")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(articles.find(id("ghost")).orElseThrow().status()).isEqualTo(ArticleStatus.IN_FLIGHT);
        }
    }

    @Test
    void aFailureIncrementsAttemptsAndKeepsTheStagesFinishedBefore() {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            articles.saveCleaned(id("a1"), "in/a1.html", "h1", cleaned("a1", "x"));
            articles.saveFailure(id("a1"), StoredFailure.of(Stage.TRANSLATE, "rate limited", true));
            articles.markInFlight(id("a1"));
            articles.saveFailure(id("a1"), StoredFailure.of(Stage.TRANSLATE, "server error", true));

            StoredArticle failed = articles.find(id("a1")).orElseThrow();
            assertThat(failed.status()).isEqualTo(ArticleStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.failure())
                    .contains(StoredFailure.of(Stage.TRANSLATE, "server error", true)
                            .at("in/a1.html", "h1"));
            assertThat(failed.cleaned()).contains(cleaned("a1", "x"));
            assertThat(failed.lastFinished()).contains(Stage.CLEAN);

            articles.saveTranslation(id("a1"), translation("a1", "t"));
            StoredArticle retried = articles.find(id("a1")).orElseThrow();
            assertThat(retried.status()).isEqualTo(ArticleStatus.TRANSLATED);
            assertThat(retried.failure()).isEmpty();
            assertThat(retried.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aFailureBeforeCleaningRecordsTheInputAndAChangedInputStartsAfresh() {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            articles.saveFailure(
                    id("a1"), StoredFailure.of(Stage.CLEAN, "no text", false).at("in/a1.html", "h1"));
            StoredArticle failed = articles.find(id("a1")).orElseThrow();
            assertThat(failed.location()).contains("in/a1.html");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastFinished()).isEmpty();

            articles.saveCleaned(id("a1"), "in/a1.html", "h2", cleaned("a1", "v2"));
            articles.saveTranslation(id("a1"), translation("a1", "t"));
            articles.saveFailure(id("a1"), StoredFailure.of(Stage.SUMMARIZE, "invalid JSON", true));
            assertThat(articles.find(id("a1")).orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void recleaningAChangedInputDropsLaterStagesAndResetsAttempts() {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            articles.saveCleaned(id("a1"), "in/a1.html", "h1", cleaned("a1", "v1"));
            articles.saveTranslation(id("a1"), translation("a1", "t"));
            articles.saveFailure(id("a1"), StoredFailure.of(Stage.SUMMARIZE, "invalid JSON", true));

            articles.saveCleaned(id("a1"), "in/a1.html", "h1", cleaned("a1", "v1"));
            StoredArticle same = articles.find(id("a1")).orElseThrow();
            assertThat(same.attempts()).isEqualTo(1);
            assertThat(same.translation()).isEmpty();

            articles.saveFailure(
                    id("a1"), StoredFailure.of(Stage.CLEAN, "no text", false).at("in/a1.html", "h2"));
            StoredArticle changed = articles.find(id("a1")).orElseThrow();
            assertThat(changed.attempts()).isEqualTo(1);
            assertThat(changed.cleaned()).isEmpty();
            assertThat(changed.madeFrom("h2")).isTrue();

            articles.saveCleaned(id("a1"), "in/a1.html", "h3", cleaned("a1", "v3"));
            assertThat(articles.find(id("a1")).orElseThrow().attempts()).isZero();
        }
    }

    @Test
    void resetInFlightReturnsEachArticleToItsLastFinishedState() {
        try (RunStore store = open()) {
            ArticleTable articles = store.articles();
            articles.saveCleaned(id("cleaned"), "l", "h", cleaned("cleaned", "x"));
            articles.saveCleaned(id("translated"), "l", "h", cleaned("translated", "x"));
            articles.saveTranslation(id("translated"), translation("translated", "x"));
            articles.saveCleaned(id("done"), "l", "h", cleaned("done", "x"));
            articles.saveTranslation(id("done"), translation("done", "x"));
            articles.saveSummary(id("done"), summary("done", "x"));
            articles.saveCleaned(id("failed"), "l", "h", cleaned("failed", "x"));
            articles.saveFailure(id("failed"), StoredFailure.of(Stage.TRANSLATE, "timeout", true));
            articles.saveCleaned(id("untouched"), "l", "h", cleaned("untouched", "x"));
            for (String id : List.of("cleaned", "translated", "done", "failed", "nothing")) {
                articles.markInFlight(id(id));
            }
            assertThat(articles.counts()).containsEntry(ArticleStatus.IN_FLIGHT, 5L);

            assertThat(articles.resetInFlight()).isEqualTo(5);

            assertThat(articles.find(id("cleaned")).orElseThrow().status()).isEqualTo(ArticleStatus.CLEANED);
            assertThat(articles.find(id("translated")).orElseThrow().status()).isEqualTo(ArticleStatus.TRANSLATED);
            assertThat(articles.find(id("done")).orElseThrow().status()).isEqualTo(ArticleStatus.SUMMARIZED);
            assertThat(articles.find(id("failed")).orElseThrow().status()).isEqualTo(ArticleStatus.FAILED);
            assertThat(articles.find(id("failed")).orElseThrow().attempts()).isEqualTo(1);
            assertThat(articles.find(id("untouched")).orElseThrow().status()).isEqualTo(ArticleStatus.CLEANED);
            assertThat(articles.find(id("nothing"))).isEmpty();
            assertThat(articles.counts())
                    .isEqualTo(Map.of(
                            ArticleStatus.CLEANED, 2L,
                            ArticleStatus.TRANSLATED, 1L,
                            ArticleStatus.SUMMARIZED, 1L,
                            ArticleStatus.FAILED, 1L,
                            ArticleStatus.IN_FLIGHT, 0L));
            assertThat(articles.resetInFlight()).isZero();
        }
    }

    @Test
    void forgettingTheInputsKeepsEveryResultUntilARunReachesTheArticleAgain() {
        try (RunStore store = open()) {
            store.articles().saveCleaned(id("a1"), "l1", "h1", cleaned("a1", "x"));
            store.articles().saveTranslation(id("a1"), translation("a1", "x"));
            store.articles().saveCleaned(id("a2"), "l2", "h2", cleaned("a2", "y"));

            assertThat(store.articles().forgetInputs()).isEqualTo(2);

            StoredArticle forgotten = store.articles().find(id("a1")).orElseThrow();
            assertThat(forgotten.madeFrom("h1"))
                    .as("the next run treats it as a new input")
                    .isFalse();
            assertThat(forgotten.translation())
                    .as("its results stay until then")
                    .isPresent();
            assertThat(forgotten.status()).isEqualTo(ArticleStatus.TRANSLATED);

            store.articles().saveCleaned(id("a2"), "l2", "h2", cleaned("a2", "y"));
            assertThat(store.articles().removeForgotten())
                    .as("a1, which no run reached")
                    .isEqualTo(1);
            assertThat(store.articles().all().map(a -> a.id().value())).containsExactly("a2");
        }
    }

    @Test
    void clearRemovesEveryArticleButKeepsTheCallCache() {
        ModelReply reply = new ModelReply("x", FinishReason.STOP, Optional.empty(), ProviderKind.OLLAMA, "m");
        try (RunStore store = open()) {
            store.articles().saveCleaned(id("a1"), "l", "h", cleaned("a1", "x"));
            store.articles().saveFailure(id("a2"), StoredFailure.of(Stage.CLEAN, "bad", false));
            store.callCache().put("k", reply);

            store.articles().clear();

            assertThat(store.articles().find(id("a1"))).isEmpty();
            assertThat(store.articles().all()).isEmpty();
            assertThat(store.articles().counts().values()).containsOnly(0L);
            assertThat(store.callCache().get("k")).contains(reply);

            assertThat(store.callCache().clear()).isEqualTo(1);
            assertThat(store.callCache().get("k")).isEmpty();
        }
    }

    @Test
    void listsArticlesInTheOrderTheyWereFirstWrittenOrByIdAcrossPages() {
        List<String> ids = IntStream.range(0, 700)
                .mapToObj(i -> "z" + (700 - i)) // not alphabetical, to tell insertion order from id order
                .toList();
        try (RunStore store = open()) {
            for (String id : ids) {
                store.articles().saveCleaned(id(id), "l", "h", cleaned(id, "x"));
            }
            store.articles().saveTranslation(id(ids.get(0)), translation(ids.get(0), "t")); // keeps its place
            assertThat(store.articles().all().map(a -> a.id().value())).containsExactlyElementsOf(ids);
            assertThat(store.articles().all().limit(3).map(a -> a.id().value()))
                    .containsExactlyElementsOf(ids.subList(0, 3));
            List<String> sorted = new ArrayList<>(ids);
            sorted.sort(Comparator.naturalOrder());
            assertThat(store.articles().allById().map(a -> a.id().value())).containsExactlyElementsOf(sorted);
        }
    }

    @Test
    void aStageResultIsReadOnlyWhenAskedForSoADamagedOneFailsOnlyThere() throws Exception {
        try (RunStore store = open()) {
            store.articles().saveCleaned(id("a1"), "l", "h", cleaned("a1", "x"));
            store.articles().saveTranslation(id("a1"), translation("a1", "t"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dragoman.db"));
                Statement s = c.createStatement()) {
            s.execute("UPDATE articles SET translation_json = '{\"id\": 3' WHERE id = 'a1'");
        }
        try (RunStore store = open()) {
            StoredArticle row = store.articles().find(id("a1")).orElseThrow();
            assertThat(row.status()).isEqualTo(ArticleStatus.TRANSLATED);
            assertThat(row.holds(Stage.TRANSLATE)).isTrue();
            assertThat(row.cleaned()).contains(cleaned("a1", "x"));
            assertThatThrownBy(row::translation)
                    .isInstanceOf(RunStoreException.class)
                    .hasMessageContaining("Translation")
                    .hasMessageContaining("--force");
        }
    }

    @Test
    void aStatusNoDragomanWritesSaysTheStoreIsDamaged() throws Exception {
        try (RunStore store = open()) {
            store.articles().saveCleaned(id("a1"), "l", "h", cleaned("a1", "x"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dragoman.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA ignore_check_constraints = ON");
            s.execute("UPDATE articles SET status = 'PAUSED' WHERE id = 'a1'");
        }
        try (RunStore store = open()) {
            assertThatThrownBy(() -> store.articles().find(id("a1")))
                    .isInstanceOf(RunStoreException.class)
                    .hasMessageContaining("damaged")
                    .hasMessageContaining("PAUSED");
            assertThatThrownBy(() -> store.articles().counts()).hasMessageContaining("PAUSED");
        }
    }

    @Test
    void aRowWrittenByOtherCodeUnderAnIdThatIsNoArticleIdIsReadUnderTheDerivedOne() throws Exception {
        try (RunStore store = open()) {
            store.articles().saveFailure(id("placeholder"), StoredFailure.of(Stage.CLEAN, "bad", false));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dragoman.db"));
                Statement s = c.createStatement()) {
            s.execute("UPDATE articles SET id = 'in/a b.txt'");
        }
        try (RunStore store = open()) {
            assertThat(store.articles().all().map(StoredArticle::id)).containsExactly(ArticleId.derive("in/a b.txt"));
        }
    }
}
