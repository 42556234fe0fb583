package io.dragoman.core.store;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.llm.batch.BatchAnswers;
import io.dragoman.core.llm.batch.BatchItem;
import io.dragoman.core.llm.batch.BatchJob;
import io.dragoman.core.llm.batch.BatchState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider batch jobs on tables {@code batch_jobs} and {@code batch_items}: a job and the call key behind each of
 * its custom ids are committed before it is submitted, its provider id as soon as the provider answers, and its
 * results in one transaction when they are fetched. So a run killed at any moment finds its jobs again and never
 * submits a request twice. Each method is one transaction. Thread-safe.
 */
public final class BatchJobTable implements BatchAnswers {

    private final RunStore store;

    BatchJobTable(RunStore store) {
        this.store = store;
    }

    /**
     * One request of a job: its custom id and the call key of its request.
     *
     * @param customId the id the request is submitted under
     * @param callKey the request's call-cache key
     */
    public record Item(String customId, String callKey) {}

    /** Records a job about to be submitted, with every custom id and the call key behind it. */
    public void prepare(String jobKey, ProviderInfo provider, String payloadHash, List<Item> items) {
        store.write("record batch job " + jobKey, c -> {
            String now = store.now();
            try (PreparedStatement job = c.prepareStatement("""
                    INSERT INTO batch_jobs (job_key, provider, model, state, requests, payload_hash, created_at,
                                            updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                job.setString(1, jobKey);
                job.setString(2, provider.kind().name());
                job.setString(3, provider.model());
                job.setString(4, StoredBatchJob.PREPARED);
                job.setInt(5, items.size());
                job.setString(6, payloadHash);
                job.setString(7, now);
                job.setString(8, now);
                job.executeUpdate();
            }
            try (PreparedStatement item =
                    c.prepareStatement("INSERT INTO batch_items (job_key, custom_id, call_key) VALUES (?, ?, ?)")) {
                for (Item i : items) {
                    item.setString(1, jobKey);
                    item.setString(2, i.customId());
                    item.setString(3, i.callKey());
                    item.addBatch();
                }
                item.executeBatch();
            }
            return null;
        });
    }

    /** Records the provider's id of a submitted job. */
    public void submitted(String jobKey, String jobId) {
        update(
                jobKey,
                "UPDATE batch_jobs SET job_id = ?, state = 'VALIDATING', updated_at = ? WHERE job_key = ?",
                jobId);
    }

    /** Records that the provider never took the job: its requests are collected again. */
    public void notSubmitted(String jobKey) {
        store.write("record batch job " + jobKey, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE batch_jobs SET state = ?, fetched = 1, updated_at = ? WHERE job_key = ?")) {
                update.setString(1, StoredBatchJob.NOT_SUBMITTED);
                update.setString(2, store.now());
                update.setString(3, jobKey);
                return update.executeUpdate();
            }
        });
    }

    /** Records the job's state and counts as the provider last showed them. */
    public void seen(String jobKey, BatchJob job) {
        store.write("record batch job " + jobKey, c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE batch_jobs SET state = ?, succeeded = ?, failed = ?, error = ?, updated_at = ?
                    WHERE job_key = ?""")) {
                update.setString(1, job.state().name());
                update.setInt(2, job.succeeded());
                update.setInt(3, job.failed());
                update.setString(4, job.error().orElse(null));
                update.setString(5, store.now());
                update.setString(6, jobKey);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Keeps an ended job's results and marks it fetched, in one transaction; results for custom ids the job does not
     * hold are ignored, and an item without a result stays without one (its request is collected again).
     */
    public void fetched(String jobKey, BatchJob job, List<BatchItem> results) {
        store.write("keep the results of batch job " + jobKey, c -> {
            try (PreparedStatement answered = c.prepareStatement("""
                            UPDATE batch_items SET text = ?, finish_reason = ?, input_tokens = ?, output_tokens = ?,
                                                   cached_input_tokens = ?, answered_model = ?
                            WHERE job_key = ? AND custom_id = ?""");
                    PreparedStatement errored = c.prepareStatement(
                            "UPDATE batch_items SET error = ? WHERE job_key = ? AND custom_id = ?")) {
                for (BatchItem item : results) {
                    if (item instanceof BatchItem.Answered a) {
                        ModelReply reply = a.reply();
                        answered.setString(1, reply.text());
                        answered.setString(2, reply.finishReason().name());
                        if (reply.usage().isPresent()) {
                            answered.setLong(3, reply.usage().get().inputTokens());
                            answered.setLong(4, reply.usage().get().outputTokens());
                            answered.setLong(5, reply.usage().get().cachedInputTokens());
                        } else {
                            answered.setNull(3, Types.INTEGER);
                            answered.setNull(4, Types.INTEGER);
                            answered.setNull(5, Types.INTEGER);
                        }
                        answered.setString(6, reply.model());
                        answered.setString(7, jobKey);
                        answered.setString(8, a.customId());
                        answered.addBatch();
                    } else if (item instanceof BatchItem.Errored e && !e.retriable()) {
                        // an expired or cancelled item is simply collected again; a refused one goes online
                        errored.setString(1, e.reason());
                        errored.setString(2, jobKey);
                        errored.setString(3, e.customId());
                        errored.addBatch();
                    }
                }
                answered.executeBatch();
                errored.executeBatch();
            }
            if (job.state() == BatchState.FAILED) {
                // the provider refused the whole job: its requests go online rather than into another job like it
                try (PreparedStatement failed = c.prepareStatement("""
                        UPDATE batch_items SET error = ? WHERE job_key = ? AND text IS NULL AND error IS NULL""")) {
                    failed.setString(1, job.error().orElse("the batch job failed"));
                    failed.setString(2, jobKey);
                    failed.executeUpdate();
                }
            }
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE batch_jobs SET state = ?, succeeded = ?, failed = ?, error = ?, fetched = 1, updated_at = ?
                    WHERE job_key = ?""")) {
                update.setString(1, job.state().name());
                update.setInt(2, job.succeeded());
                update.setInt(3, job.failed());
                update.setString(4, job.error().orElse(null));
                update.setString(5, store.now());
                update.setString(6, jobKey);
                return update.executeUpdate();
            }
        });
    }

    /** The jobs whose results are not in yet, oldest first. */
    public List<StoredBatchJob> open() {
        return jobs("WHERE j.fetched = 0");
    }

    /** Every job, oldest first. */
    public List<StoredBatchJob> all() {
        return jobs("");
    }

    /** The custom ids of a job and the call key behind each. */
    public Map<String, String> items(String jobKey) {
        return store.read("read batch job " + jobKey, c -> {
            Map<String, String> items = new java.util.LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT custom_id, call_key FROM batch_items WHERE job_key = ? ORDER BY rowid")) {
                select.setString(1, jobKey);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        items.put(row.getString(1), row.getString(2));
                    }
                }
            }
            return items;
        });
    }

    /** The call keys of requests in jobs not fetched yet: never to be submitted again meanwhile. */
    public Set<String> pendingCallKeys() {
        return store.read("read the batch jobs", c -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT i.call_key FROM batch_items i JOIN batch_jobs j ON j.job_key = i.job_key
                    WHERE j.fetched = 0""");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(row.getString(1));
                }
            }
            return keys;
        });
    }

    @Override
    public Optional<ModelReply> take(String callKey) {
        // most requests have no batch reply: find that out without taking the write lock
        boolean any = store.read("read the batch replies", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT 1 FROM batch_items WHERE call_key = ? AND text IS NOT NULL AND used = 0 LIMIT 1")) {
                select.setString(1, callKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
        if (!any) {
            return Optional.empty();
        }
        return store.write("use a batch reply", c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT i.job_key, i.custom_id, i.text, i.finish_reason, i.input_tokens, i.output_tokens,
                           i.cached_input_tokens, i.answered_model, j.provider, j.model
                    FROM batch_items i JOIN batch_jobs j ON j.job_key = i.job_key
                    WHERE i.call_key = ? AND i.text IS NOT NULL AND i.used = 0
                    ORDER BY i.rowid DESC LIMIT 1""")) {
                select.setString(1, callKey);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<ModelReply>empty();
                    }
                    Optional<ModelReply> reply = reply(row);
                    markUsed(c, row.getString("job_key"), row.getString("custom_id"));
                    return reply;
                }
            }
        });
    }

    private static void markUsed(Connection c, String jobKey, String customId) throws SQLException {
        try (PreparedStatement used =
                c.prepareStatement("UPDATE batch_items SET used = 1 WHERE job_key = ? AND custom_id = ?")) {
            used.setString(1, jobKey);
            used.setString(2, customId);
            used.executeUpdate();
        }
    }

    private static Optional<ModelReply> reply(ResultSet row) throws SQLException {
        long input = row.getLong("input_tokens");
        boolean noUsage = row.wasNull();
        long output = row.getLong("output_tokens");
        long cached = row.getLong("cached_input_tokens");
        String model = row.getString("answered_model");
        try {
            return Optional.of(new ModelReply(
                    row.getString("text"),
                    FinishReason.valueOf(row.getString("finish_reason")),
                    noUsage ? Optional.empty() : Optional.of(new Usage(input, output, cached, 0)),
                    ProviderKind.valueOf(row.getString("provider")),
                    model != null ? model : row.getString("model")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean errored(String callKey) {
        return store.read("read the batch replies", c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT 1 FROM batch_items WHERE call_key = ? AND error IS NOT NULL LIMIT 1")) {
                select.setString(1, callKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    private void update(String jobKey, String sql, String value) {
        store.write("record batch job " + jobKey, c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setString(1, value);
                update.setString(2, store.now());
                update.setString(3, jobKey);
                return update.executeUpdate();
            }
        });
    }

    private List<StoredBatchJob> jobs(String where) {
        return store.read("read the batch jobs", c -> {
            List<StoredBatchJob> jobs = new ArrayList<>();
            try (PreparedStatement select =
                            c.prepareStatement("""
                            SELECT j.*, coalesce(sum(i.input_tokens), 0) AS input, coalesce(sum(i.output_tokens), 0)
                                   AS output, coalesce(sum(i.cached_input_tokens), 0) AS cached
                            FROM batch_jobs j LEFT JOIN batch_items i ON i.job_key = j.job_key
                            """ + where + " GROUP BY j.job_key ORDER BY j.created_at, j.rowid");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    jobs.add(new StoredBatchJob(
                            row.getString("job_key"),
                            ProviderKind.valueOf(row.getString("provider")),
                            row.getString("model"),
                            Optional.ofNullable(row.getString("job_id")),
                            row.getString("state"),
                            row.getInt("requests"),
                            row.getInt("succeeded"),
                            row.getInt("failed"),
                            row.getInt("fetched") == 1,
                            Optional.ofNullable(row.getString("error")),
                            new Usage(row.getLong("input"), row.getLong("output"), row.getLong("cached"), 0),
                            Instant.parse(row.getString("created_at")),
                            Instant.parse(row.getString("updated_at"))));
                }
            }
            return jobs;
        });
    }
}
