package io.dragoman.core.store;

import io.dragoman.core.article.ArticleId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads rows of table {@code articles} as {@link StoredArticle}s: one by id, or all of them a page at a time by keyset
 * paging, so that no cursor stays open between pages and a walk over 100,000 articles holds one page.
 */
final class ArticleRows {

    /** The orders the rows can be walked in, each by a unique column. */
    enum Order {
        /** The order the rows were first written: by {@code seq}. */
        WRITTEN("seq"),
        /** Id order: by {@code id}. */
        ID("id");

        private final String column;

        Order(String column) {
            this.column = column;
        }

        /** A value of the column below every key. */
        private Object before() {
            return this == WRITTEN ? (Object) 0L : "";
        }
    }

    private static final int PAGE_SIZE = 256;

    private static final String COLUMNS = "seq, id, location, input_hash, status, cleaned_json, translation_json,"
            + " summary_json, failure_stage, failure_reason, failure_retriable, failure_detail, attempts,"
            + " updated_at, review";

    private final RunStore store;
    private final StoredJson json;

    ArticleRows(RunStore store, StoredJson json) {
        this.store = store;
        this.json = json;
    }

    /** The article stored under {@code id}, or empty when there is none. */
    Optional<StoredArticle> find(ArticleId id) {
        return store.read("read article " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(article(row)) : Optional.<StoredArticle>empty();
                }
            }
        });
    }

    /** Every article in {@code order}, read lazily a page at a time. */
    Stream<StoredArticle> pagedBy(Order order) {
        Iterator<StoredArticle> pages = new Iterator<>() {
            private final Deque<StoredArticle> page = new ArrayDeque<>();
            private Object after = order.before();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    after = readPage(order, after, page);
                    exhausted = page.size() < PAGE_SIZE;
                }
                return !page.isEmpty();
            }

            @Override
            public StoredArticle next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Adds the rows whose key comes after {@code after} to {@code page}, and returns the last one's key. */
    private Object readPage(Order order, Object after, Deque<StoredArticle> page) {
        String key = order.column;
        return store.read("read the articles", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + ", " + key
                    + " AS page_key FROM articles WHERE " + key + " > ? ORDER BY " + key + " LIMIT " + PAGE_SIZE)) {
                select.setObject(1, after);
                Object last = after;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        last = row.getObject("page_key");
                        page.addLast(article(row));
                    }
                }
                return last;
            }
        });
    }

    /** The row the result set is on; its JSON is parsed when first asked for. */
    private StoredArticle article(ResultSet row) throws SQLException {
        Optional<String> location = Optional.ofNullable(row.getString("location"));
        Optional<String> inputHash = Optional.ofNullable(row.getString("input_hash"));
        Optional<StoredFailure> failure = Optional.empty();
        String stage = row.getString("failure_stage");
        if (stage != null) {
            String reason = row.getString("failure_reason");
            failure = Optional.of(new StoredFailure(
                    Columns.stage(stage).orElseThrow(() -> store.errors().damaged("a failure has stage " + stage)),
                    reason == null ? "" : reason,
                    row.getInt("failure_retriable") != 0,
                    location,
                    inputHash,
                    Optional.ofNullable(row.getString("failure_detail")).map(json::detail)));
        }
        String status = row.getString("status");
        String review = row.getString("review");
        return new StoredArticle(
                id(row.getString("id")),
                location,
                inputHash,
                Columns.status(status).orElseThrow(() -> store.errors().damaged("an article has status " + status)),
                json,
                row.getString("cleaned_json"),
                row.getString("translation_json"),
                row.getString("summary_json"),
                failure,
                row.getInt("attempts"),
                Instant.parse(row.getString("updated_at")),
                Columns.review(review).orElseThrow(() -> store.errors().damaged("an article has review " + review)));
    }

    /**
     * The id of a row. Dragoman only stores valid {@link ArticleId}s; a row written by other code with an id that is not
     * one is read under the id derived from it, the name its page has always had.
     */
    private static ArticleId id(String text) {
        try {
            return new ArticleId(text);
        } catch (IllegalArgumentException e) {
            return ArticleId.derive(text);
        }
    }
}
