package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.RetriableFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Anthropic's Message Batches API: one {@code POST /messages/batches} carries every request as {@code {custom_id,
 * params}} with the params the online provider sends; {@code GET /messages/batches/{id}} tells the processing status
 * and counts, {@code GET /messages/batches/{id}/results} the results as JSONL (read from our base URL rather than the
 * {@code results_url} it names, so the key goes nowhere else), {@code GET /messages/batches} lists the jobs and
 * {@code POST /messages/batches/{id}/cancel} cancels one. Limits: 100,000 requests and 256 MB per batch.
 *
 * <p>Anthropic keeps no metadata with a batch, so our job key travels in every custom id instead, as {@code
 * KEY_ID} (the key without {@code _}, the caller's custom id after the first {@code _}, together at most 64
 * characters), and is taken off again in {@link #results}. A job whose results exist names its key in its first result
 * line, which {@link #list} reads (one line, not the whole file) to find ours. A job still in progress shows no custom
 * id, so {@link #find} takes, among the unended jobs not already known to the store, the one with the recorded number
 * of requests created closest after the job was recorded (within a day, and allowing for a few minutes of clock
 * difference): two of our jobs with the same size submitted within minutes of each other by runs that both died before
 * recording them is the one case it could mix up.
 */
public final class AnthropicBatchClient implements BatchClient {

    /** The API version every request names. */
    static final String VERSION = "2023-06-01";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Limits LIMITS = new Limits(100_000, 250_000_000L);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,62}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final Duration MAX_DELAY = Duration.ofDays(1);
    /** How many pages of 100 batches {@link #list} and {@link #find} read at most. */
    private static final int LIST_PAGES = 5;

    private final ProviderConfig config;
    private final BatchHttp http;

    /** A client for the config's base URL, key and model. */
    public AnthropicBatchClient(ProviderConfig config) {
        this(config, BatchHttp.client(config.connectTimeout()));
    }

    AnthropicBatchClient(ProviderConfig config, HttpClient client) {
        this.config = config;
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("anthropic-version", VERSION);
        config.apiKey().ifPresent(key -> headers.put("x-api-key", key));
        this.http =
                new BatchHttp(client, config.baseUrl(), headers, config.apiKey(), "Anthropic", config.readTimeout());
    }

    @Override
    public ProviderInfo info() {
        return config.info();
    }

    @Override
    public Limits limits() {
        return LIMITS;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the key holds {@code _} or a custom id with the key would not fit
     */
    @Override
    public String submit(String jobKey, List<BatchRequest> requests) {
        if (!KEY.matcher(jobKey).matches()) {
            throw new IllegalArgumentException(
                    "An Anthropic batch job key must match [A-Za-z0-9-]{1,62}, was '" + jobKey + "'.");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("requests");
        for (BatchRequest request : requests) {
            String customId = jobKey + "_" + request.customId();
            if (!BatchRequest.validCustomId(customId)) {
                throw new IllegalArgumentException("The custom id '" + request.customId() + "' with the job key '"
                        + jobKey + "' exceeds Anthropic's 64 characters.");
            }
            list.addObject()
                    .put("custom_id", customId)
                    .set("params", AnthropicMessagesJson.params(config.model(), request.request()));
        }
        return http.post("/messages/batches", body).path("id").asText();
    }

    @Override
    public BatchJob status(String jobId) {
        return job(http.get("/messages/batches/" + jobId), Optional.empty());
    }

    @Override
    public List<BatchItem> results(String jobId) {
        JsonNode batch = http.get("/messages/batches/" + jobId);
        if (!batch.path("results_url").isTextual()) {
            return List.of();
        }
        List<BatchItem> items = new ArrayList<>();
        http.getText(resultsPath(jobId)).lines().filter(l -> !l.isBlank()).forEach(line -> items.add(item(line)));
        return items;
    }

    /** Our ended jobs (their first result names the key) among the provider's recent ones, newest first. */
    @Override
    public List<BatchJob> list() {
        List<BatchJob> ours = new ArrayList<>();
        for (JsonNode batch : batches()) {
            keyOf(batch).ifPresent(key -> ours.add(job(batch, Optional.of(key))));
        }
        return ours;
    }

    /** The ended job whose results name the key, or else the likeliest unended one (see the class comment). */
    @Override
    public Optional<BatchJob> find(Lost lost) {
        Instant from = lost.preparedAt().minus(CLOCK_SKEW);
        Instant to = lost.preparedAt().plus(MAX_DELAY);
        List<BatchJob> candidates = new ArrayList<>();
        for (JsonNode batch : batches()) {
            BatchJob job = job(batch, Optional.empty());
            if (lost.known().contains(job.id())
                    || job.total() != lost.requests()
                    || job.createdAt().isBefore(from)
                    || job.createdAt().isAfter(to)) {
                continue;
            }
            if (batch.path("results_url").isTextual()) {
                Optional<String> key = keyOf(batch);
                if (key.equals(Optional.of(lost.jobKey()))) {
                    return Optional.of(job(batch, key));
                }
            } else {
                candidates.add(job(batch, Optional.of(lost.jobKey())));
            }
        }
        return candidates.stream().min(Comparator.comparing(j -> Duration.between(lost.preparedAt(), j.createdAt())
                .abs()));
    }

    @Override
    public void cancel(String jobId) {
        http.post("/messages/batches/" + jobId + "/cancel", JSON.createObjectNode());
    }

    private static String resultsPath(String jobId) {
        return "/messages/batches/" + jobId + "/results";
    }

    /** The provider's recent batches, newest first, over at most {@link #LIST_PAGES} pages. */
    private List<JsonNode> batches() {
        List<JsonNode> batches = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < LIST_PAGES; page++) {
            JsonNode answer = http.get("/messages/batches?limit=100"
                    + after.map(a -> "&after_id=" + URLEncoder.encode(a, StandardCharsets.UTF_8))
                            .orElse(""));
            answer.path("data").forEach(batches::add);
            JsonNode last = answer.path("last_id");
            if (!answer.path("has_more").asBoolean(false) || !last.isTextual()) {
                break;
            }
            after = Optional.of(last.asText());
        }
        return batches;
    }

    /** Our key, from the first result of a batch that has results; empty for one without or not ours. */
    private Optional<String> keyOf(JsonNode batch) {
        if (!batch.path("results_url").isTextual()) {
            return Optional.empty();
        }
        return http.firstLine(resultsPath(batch.path("id").asText()))
                .flatMap(line -> {
                    try {
                        return Optional.of(JSON.readTree(line).path("custom_id").asText(""));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                })
                .filter(id -> id.indexOf('_') > 0)
                .map(id -> id.substring(0, id.indexOf('_')));
    }

    private BatchItem item(String line) {
        JsonNode item;
        try {
            item = JSON.readTree(line);
        } catch (IOException e) {
            throw new RetriableFailure("Anthropic batch API: a result line is not JSON", 0, Optional.empty(), null);
        }
        String full = item.path("custom_id").asText();
        String customId = full.indexOf('_') > 0 ? full.substring(full.indexOf('_') + 1) : full;
        JsonNode result = item.path("result");
        String type = result.path("type").asText("");
        return switch (type) {
            case "succeeded" ->
                new BatchItem.Answered(customId, AnthropicMessagesJson.reply(result.path("message"), config.model()));
            case "errored" -> {
                JsonNode error = result.path("error").path("error");
                String kind = error.path("type").asText("error");
                boolean retriable = kind.equals("api_error")
                        || kind.equals("overloaded_error")
                        || kind.equals("rate_limit_error")
                        || kind.equals("timeout_error");
                yield new BatchItem.Errored(
                        customId, http.scrub(kind + ": " + error.path("message").asText()), retriable);
            }
            case "canceled" -> new BatchItem.Errored(customId, "canceled: the batch was cancelled first", true);
            case "expired" -> new BatchItem.Errored(customId, "expired: the batch ended before it was processed", true);
            default -> new BatchItem.Errored(customId, "unknown result type '" + type + "'", true);
        };
    }

    private static BatchJob job(JsonNode batch, Optional<String> key) {
        JsonNode counts = batch.path("request_counts");
        int processing = counts.path("processing").asInt();
        int succeeded = counts.path("succeeded").asInt();
        int errored = counts.path("errored").asInt();
        int canceled = counts.path("canceled").asInt();
        int expired = counts.path("expired").asInt();
        return new BatchJob(
                batch.path("id").asText(),
                state(batch, succeeded + errored, expired),
                processing + succeeded + errored + canceled + expired,
                succeeded,
                errored + canceled + expired,
                instant(batch.path("created_at").asText("")),
                key.map(k -> Map.of(JOB_KEY, k)).orElse(Map.of()),
                Optional.empty());
    }

    /**
     * {@code in_progress} and {@code canceling} as they are; {@code ended} as cancelled when a cancel was asked for,
     * expired when the window passed with nothing processed, and completed otherwise.
     */
    private static BatchState state(JsonNode batch, int processed, int expired) {
        return switch (batch.path("processing_status").asText()) {
            case "canceling" -> BatchState.CANCELLING;
            case "ended" -> {
                if (batch.path("cancel_initiated_at").isTextual()) {
                    yield BatchState.CANCELLED;
                }
                yield expired > 0 && processed == 0 ? BatchState.EXPIRED : BatchState.COMPLETED;
            }
            default -> BatchState.IN_PROGRESS;
        };
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
