package io.dragoman.core.store;

import io.dragoman.core.llm.CallCache;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link CallCache} on table {@code model_calls} of a {@link RunStore}: in the same file as the articles, so that a
 * reply paid for and an article's result are lost or kept together. Each put is one transaction. Thread-safe.
 */
public final class StoredCallCache implements CallCache {

    private final RunStore store;

    StoredCallCache(RunStore store) {
        this.store = store;
    }

    @Override
    public Optional<ModelReply> get(String key) {
        Objects.requireNonNull(key, "key");
        return store.read("read a cached model call", c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT text, finish_reason, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
                           provider, model
                    FROM model_calls WHERE key = ?""")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? reply(row) : Optional.<ModelReply>empty();
                }
            }
        });
    }

    /** The stored reply, or empty (a miss) when a newer Dragoman wrote values this one does not know. */
    private static Optional<ModelReply> reply(ResultSet row) throws SQLException {
        long input = row.getLong("input_tokens");
        boolean noUsage = row.wasNull();
        long output = row.getLong("output_tokens");
        noUsage |= row.wasNull();
        // null in a row cached before version 3 of the schema: no cache counts were kept then
        long cached = row.getLong("cached_input_tokens");
        long written = row.getLong("cache_write_tokens");
        try {
            return Optional.of(new ModelReply(
                    row.getString("text"),
                    FinishReason.valueOf(row.getString("finish_reason")),
                    noUsage ? Optional.empty() : Optional.of(new Usage(input, output, cached, written)),
                    ProviderKind.valueOf(row.getString("provider")),
                    row.getString("model")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, ModelReply reply) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reply, "reply");
        store.write("cache a model call", c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT OR REPLACE INTO model_calls
                        (key, text, finish_reason, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
                         provider, model, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, key);
                insert.setString(2, reply.text());
                insert.setString(3, reply.finishReason().name());
                if (reply.usage().isPresent()) {
                    insert.setLong(4, reply.usage().get().inputTokens());
                    insert.setLong(5, reply.usage().get().outputTokens());
                    insert.setLong(6, reply.usage().get().cachedInputTokens());
                    insert.setLong(7, reply.usage().get().cacheWriteTokens());
                } else {
                    for (int column = 4; column <= 7; column++) {
                        insert.setNull(column, Types.INTEGER);
                    }
                }
                insert.setString(8, reply.provider().name());
                insert.setString(9, reply.model());
                insert.setString(10, store.now());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Removes every cached model call, so that each call is made again. Rarely wanted: a cached reply is keyed by
     * everything that decides it, and changing a prompt already misses the cache.
     *
     * @return how many calls were removed
     */
    public int clear() {
        return store.write("remove all cached model calls", c -> {
            try (Statement delete = c.createStatement()) {
                return delete.executeUpdate("DELETE FROM model_calls");
            }
        });
    }
}
