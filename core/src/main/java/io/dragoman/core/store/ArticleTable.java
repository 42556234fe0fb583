package io.dragoman.core.store;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Review;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Table {@code articles} of a {@link RunStore}: one row per article id, in insertion order, with the committed result
 * of each finished stage, the latest failure and the count of failed attempts. Results go in and come out as the
 * pipeline's types; the table keeps them as JSON, and statuses and stages as fixed texts. Every write
 * is one transaction, committed before it returns. Thread-safe.
 */
public final class ArticleTable {

    /** True when a new failure's input is the one the stored results were made from (or is not given). */
    private static final String SAME_INPUT =
            "(excluded.input_hash IS NULL OR articles.input_hash IS excluded.input_hash)";

    private static final String CLEAR_FAILURE =
            "failure_stage = NULL, failure_reason = NULL, failure_retriable = NULL, failure_detail = NULL";

    private final RunStore store;
    private final StoredJson json;
    private final ArticleRows rows;

    ArticleTable(RunStore store, StoredJson json) {
        this.store = store;
        this.json = json;
        this.rows = new ArticleRows(store, json);
    }

    // ---------------------------------------------------------------- writes

    /**
     * Stores an article's cleaning result and starts it afresh: a translation or summary made from an earlier cleaning
     * is dropped, as is the latest failure. The failed-attempt count is kept when the input is the same and reset when
     * it changed.
     *
     * @param id the article id
     * @param location the input's path or URL
     * @param inputHash a hash of the input bytes, compared on the next run to tell a changed input
     * @param article the cleaned article
     */
    public void saveCleaned(ArticleId id, String location, String inputHash, CleanedArticle article) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(inputHash, "inputHash");
        String cleanedJson = json.cleaned(Objects.requireNonNull(article, "article"));
        store.write("save the cleaned article " + id, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO articles (id, location, input_hash, status, cleaned_json, attempts, updated_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        location = excluded.location,
                        input_hash = excluded.input_hash,
                        status = excluded.status,
                        cleaned_json = excluded.cleaned_json,
                        translation_json = NULL,
                        summary_json = NULL,
                        review = NULL,
                        %s,
                        attempts = CASE WHEN articles.input_hash IS excluded.input_hash
                                        THEN articles.attempts ELSE 0 END,
                        updated_at = excluded.updated_at""".formatted(CLEAR_FAILURE))) {
                insert.setString(1, id.value());
                insert.setString(2, location);
                insert.setString(3, inputHash);
                insert.setString(4, Columns.text(ArticleStatus.CLEANED));
                insert.setString(5, cleanedJson);
                insert.setString(6, store.now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Stores an article's translation, replacing any earlier one and dropping a summary made from it; clears the
     * latest failure.
     *
     * @throws IllegalStateException when the article has no cleaned result stored: save that first
     */
    public void saveTranslation(ArticleId id, Translation translation) {
        String text = json.translation(Objects.requireNonNull(translation, "translation"));
        saveStage(
                id,
                ArticleStatus.TRANSLATED,
                "translation_json = ?, summary_json = NULL, review = ?",
                java.util.Arrays.asList(
                        text, Columns.text(translation.needsReview() ? Review.NEEDS_REVIEW : Review.NONE)),
                "translation");
    }

    /**
     * Stores an article's summary, replacing any earlier one; clears the latest failure. The article is then done.
     *
     * @throws IllegalStateException when the article has no cleaned result stored: save that first
     */
    public void saveSummary(ArticleId id, Summary summary) {
        String text = json.summary(Objects.requireNonNull(summary, "summary"));
        saveStage(id, ArticleStatus.SUMMARIZED, "summary_json = ?", List.of(text), "summary");
    }

    /** Sets {@code status} and one stage's columns ({@code set} has a parameter for each value) on a cleaned row. */
    private void saveStage(ArticleId id, ArticleStatus status, String set, List<String> values, String what) {
        Objects.requireNonNull(id, "id");
        store.write("save the " + what + " of article " + id, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE articles SET status = ?, " + set + ", "
                    + CLEAR_FAILURE + ", updated_at = ? WHERE id = ? AND cleaned_json IS NOT NULL")) {
                int p = 1;
                update.setString(p++, Columns.text(status));
                for (String value : values) {
                    update.setString(p++, value);
                }
                update.setString(p++, store.now());
                update.setString(p, id.value());
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("Article " + id + " has no cleaned result in the run store "
                            + store.file() + "; save the cleaned article before its " + what + ".");
                }
                return null;
            }
        });
    }

    /**
     * Marks the translations of these articles as accepted by a person: each one that needs review no longer does.
     *
     * @return the ids that needed review and are now accepted, in the order given; the others are left alone
     */
    public List<ArticleId> acceptReview(List<ArticleId> ids) {
        return store.write("accept the review of " + ids.size() + " articles", c -> {
            List<ArticleId> accepted = new ArrayList<>();
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE articles SET review = ?, updated_at = ? WHERE id = ? AND review = ?")) {
                for (ArticleId id : ids) {
                    update.setString(1, Columns.text(Review.ACCEPTED));
                    update.setString(2, store.now());
                    update.setString(3, id.value());
                    update.setString(4, Columns.text(Review.NEEDS_REVIEW));
                    if (update.executeUpdate() == 1) {
                        accepted.add(id);
                    }
                }
            }
            return accepted;
        });
    }

    /** How many articles that have not failed wait for a person's review of their translation. */
    public long needingReview() {
        return store.read("count the articles that need review", c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT count(*) FROM articles WHERE review = ? AND status <> ?")) {
                select.setString(1, Columns.text(Review.NEEDS_REVIEW));
                select.setString(2, Columns.text(ArticleStatus.FAILED));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Records a failed attempt at an article: its status becomes {@link ArticleStatus#FAILED}, the failure replaces any
     * earlier one, the attempt count goes up by one, and results of stages that finished before are kept. Creates the
     * row when the article failed before anything was stored. A failure that gives its input's location and hash
     * records them too; when the hash differs from the stored one the input changed, so the stored results are dropped
     * and the attempt count starts again at one.
     */
    public void saveFailure(ArticleId id, StoredFailure failure) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(failure, "failure");
        String detailJson = failure.detail().map(json::detail).orElse(null);
        store.write("save the failure of article " + id, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO articles (id, location, input_hash, status, failure_stage, failure_reason,
                                          failure_retriable, failure_detail, attempts, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        status = excluded.status,
                        failure_stage = excluded.failure_stage,
                        failure_reason = excluded.failure_reason,
                        failure_retriable = excluded.failure_retriable,
                        failure_detail = excluded.failure_detail,
                        attempts = CASE WHEN %1$s THEN articles.attempts + 1 ELSE 1 END,
                        cleaned_json = CASE WHEN %1$s THEN articles.cleaned_json END,
                        translation_json = CASE WHEN %1$s THEN articles.translation_json END,
                        summary_json = CASE WHEN %1$s THEN articles.summary_json END,
                        location = coalesce(excluded.location, articles.location),
                        input_hash = coalesce(excluded.input_hash, articles.input_hash),
                        updated_at = excluded.updated_at""".formatted(SAME_INPUT))) {
                insert.setString(1, id.value());
                insert.setString(2, failure.location().orElse(null));
                insert.setString(3, failure.inputHash().orElse(null));
                insert.setString(4, Columns.text(ArticleStatus.FAILED));
                insert.setString(5, Columns.text(failure.stage()));
                insert.setString(6, failure.reason());
                insert.setInt(7, failure.retriable() ? 1 : 0);
                insert.setString(8, detailJson);
                insert.setString(9, store.now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Marks an article as being worked on, creating its row when it has none; stored results and the latest failure
     * are kept, so {@link #resetInFlight()} can go back to them if the run dies before the next save.
     */
    public void markInFlight(ArticleId id) {
        Objects.requireNonNull(id, "id");
        store.write("mark article " + id + " in flight", c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO articles (id, status, attempts, updated_at) VALUES (?, ?, 0, ?)
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at""")) {
                insert.setString(1, id.value());
                insert.setString(2, Columns.text(ArticleStatus.IN_FLIGHT));
                insert.setString(3, store.now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Turns every {@link ArticleStatus#IN_FLIGHT} row, left by a run that crashed or was interrupted, back into its
     * last finished state: {@code FAILED} when its latest attempt failed, else the furthest stage stored. A row with
     * neither (the crash came before anything was stored) is removed. Call it at the start of a run, before any worker.
     *
     * @return how many rows were reset or removed
     */
    public int resetInFlight() {
        String inFlight = Columns.text(ArticleStatus.IN_FLIGHT);
        return store.write("reset the articles in flight", c -> {
            int changed;
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM articles WHERE status = ?
                        AND cleaned_json IS NULL AND failure_stage IS NULL""")) {
                delete.setString(1, inFlight);
                changed = delete.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE articles SET
                        status = CASE WHEN failure_stage IS NOT NULL THEN ?
                                      WHEN summary_json IS NOT NULL THEN ?
                                      WHEN translation_json IS NOT NULL THEN ?
                                      ELSE ? END,
                        updated_at = ?
                    WHERE status = ?""")) {
                update.setString(1, Columns.text(ArticleStatus.FAILED));
                update.setString(2, Columns.text(ArticleStatus.SUMMARIZED));
                update.setString(3, Columns.text(ArticleStatus.TRANSLATED));
                update.setString(4, Columns.text(ArticleStatus.CLEANED));
                update.setString(5, store.now());
                update.setString(6, inFlight);
                changed += update.executeUpdate();
            }
            return changed;
        });
    }

    /** Removes every article, for {@code --force}; the call cache is kept (see {@link StoredCallCache#clear()}). */
    public void clear() {
        store.write("remove all articles", c -> {
            try (Statement delete = c.createStatement()) {
                return delete.executeUpdate("DELETE FROM articles");
            }
        });
    }

    /**
     * Marks every article as made from an input no run has seen, for {@code --force}: the next run that reaches it
     * cleans and processes it afresh (through the call cache), while its stored results stay, and show in the outputs,
     * until then. So an interrupted fresh start never loses what it did not reach, and a rerun goes on with it.
     *
     * @return how many articles were marked
     */
    public int forgetInputs() {
        return store.write("mark every article to be done afresh", c -> {
            try (Statement update = c.createStatement()) {
                return update.executeUpdate("UPDATE articles SET input_hash = NULL");
            }
        });
    }

    /**
     * Removes the articles {@link #forgetInputs()} marked that no run has reached since: after a fresh start that took
     * every input, the store holds only the articles of those inputs.
     *
     * @return how many were removed
     */
    public int removeForgotten() {
        return store.write("remove the articles no fresh start reached", c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM articles WHERE input_hash IS NULL AND status != ?")) {
                delete.setString(1, Columns.text(ArticleStatus.IN_FLIGHT));
                return delete.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- reads

    /** The article stored under {@code id}, or empty when there is none. */
    public Optional<StoredArticle> find(ArticleId id) {
        Objects.requireNonNull(id, "id");
        return rows.find(id);
    }

    /**
     * Every article, in the order the rows were first written, read lazily a page at a time so that rendering outputs
     * for 100,000 articles never holds them all in memory. Nothing stays open between pages: the stream needs no
     * closing, and writes may go on meanwhile (an article written during the walk may or may not show up).
     */
    public Stream<StoredArticle> all() {
        return rows.pagedBy(ArticleRows.Order.WRITTEN);
    }

    /**
     * Every article in id order, read lazily a page at a time: the order output files use, so that they are the same
     * whatever order concurrent workers finished in and however often a run was interrupted and resumed.
     */
    public Stream<StoredArticle> allById() {
        return rows.pagedBy(ArticleRows.Order.ID);
    }

    /** How many articles have each status; every status is a key, with 0 when none has it. */
    public Map<ArticleStatus, Long> counts() {
        return store.read("count the articles", c -> {
            Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
            for (ArticleStatus status : ArticleStatus.values()) {
                counts.put(status, 0L);
            }
            try (Statement select = c.createStatement();
                    ResultSet row = select.executeQuery("SELECT status, count(*) FROM articles GROUP BY status")) {
                while (row.next()) {
                    String text = row.getString(1);
                    ArticleStatus status = Columns.status(text)
                            .orElseThrow(() -> store.errors().damaged("an article has status " + text));
                    counts.put(status, row.getLong(2));
                }
            }
            return Collections.unmodifiableMap(counts);
        });
    }
}
