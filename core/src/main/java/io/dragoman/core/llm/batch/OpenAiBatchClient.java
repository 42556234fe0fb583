package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.RetriableFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's Batch API: the requests go up as a JSONL file ({@code POST /files}, purpose {@code batch}), a job is
 * created on it ({@code POST /batches}, endpoint {@code /v1/chat/completions}, window 24 h, our job key as metadata),
 * its status is read from {@code GET /batches/{id}}, and its results from the output and error files ({@code GET
 * /files/{id}/content}). Limits: 50,000 requests and 200 MB per job.
 */
public final class OpenAiBatchClient implements BatchClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Limits LIMITS = new Limits(50_000, 190_000_000L);
    /** How many pages of 100 jobs {@link #list} reads at most. */
    private static final int LIST_PAGES = 5;

    private final ProviderConfig config;
    private final BatchHttp http;

    /** A client for the config's base URL, key and model. */
    public OpenAiBatchClient(ProviderConfig config) {
        this(config, BatchHttp.client(config.connectTimeout()));
    }

    OpenAiBatchClient(ProviderConfig config, HttpClient client) {
        this.config = config;
        Map<String, String> headers = new HashMap<>();
        config.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        this.http = new BatchHttp(client, config.baseUrl(), headers, config.apiKey(), "OpenAI", config.readTimeout());
    }

    @Override
    public ProviderInfo info() {
        return config.info();
    }

    @Override
    public Limits limits() {
        return LIMITS;
    }

    @Override
    public String submit(String jobKey, List<BatchRequest> requests) {
        StringBuilder lines = new StringBuilder();
        for (BatchRequest request : requests) {
            ObjectNode line = JSON.createObjectNode()
                    .put("custom_id", request.customId())
                    .put("method", "POST")
                    .put("url", "/v1/chat/completions");
            line.set("body", OpenAiChatJson.body(config.model(), request.request()));
            lines.append(line).append('\n');
        }
        JsonNode file = http.postFile(
                "/files",
                Map.of("purpose", "batch"),
                jobKey + ".jsonl",
                lines.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode create = JSON.createObjectNode()
                .put("input_file_id", file.path("id").asText())
                .put("endpoint", "/v1/chat/completions")
                .put("completion_window", "24h");
        create.putObject("metadata").put(JOB_KEY, jobKey);
        return http.post("/batches", create).path("id").asText();
    }

    @Override
    public BatchJob status(String jobId) {
        return job(http.get("/batches/" + jobId));
    }

    @Override
    public List<BatchItem> results(String jobId) {
        JsonNode job = http.get("/batches/" + jobId);
        List<BatchItem> items = new ArrayList<>();
        for (String file : List.of("output_file_id", "error_file_id")) {
            JsonNode id = job.path(file);
            if (id.isTextual() && !id.asText().isEmpty()) {
                String content = http.getText("/files/" + id.asText() + "/content");
                content.lines().filter(l -> !l.isBlank()).forEach(line -> items.add(item(line)));
            }
        }
        return items;
    }

    @Override
    public List<BatchJob> list() {
        List<BatchJob> ours = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < LIST_PAGES; page++) {
            JsonNode answer = http.get("/batches?limit=100"
                    + after.map(a -> "&after=" + URLEncoder.encode(a, StandardCharsets.UTF_8))
                            .orElse(""));
            for (JsonNode job : answer.path("data")) {
                if (job.path("metadata").hasNonNull(JOB_KEY)) {
                    ours.add(job(job));
                }
            }
            JsonNode last = answer.path("last_id");
            if (!answer.path("has_more").asBoolean(false) || !last.isTextual()) {
                break;
            }
            after = Optional.of(last.asText());
        }
        return ours;
    }

    @Override
    public void cancel(String jobId) {
        http.post("/batches/" + jobId + "/cancel", JSON.createObjectNode());
    }

    private BatchItem item(String line) {
        JsonNode item;
        try {
            item = JSON.readTree(line);
        } catch (IOException e) {
            throw new RetriableFailure("OpenAI batch API: a result line is not JSON", 0, Optional.empty(), null);
        }
        String customId = item.path("custom_id").asText();
        JsonNode error = item.path("error");
        if (error.isObject()) {
            String code = error.path("code").asText("");
            boolean retriable = code.equals("batch_expired") || code.equals("batch_cancelled");
            return new BatchItem.Errored(
                    customId, http.scrub(code + ": " + error.path("message").asText()), retriable);
        }
        JsonNode response = item.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status != 200) {
            String message = body.path("error").path("message").asText("no reply");
            return new BatchItem.Errored(
                    customId, http.scrub("HTTP " + status + ": " + message), status == 429 || status >= 500);
        }
        return new BatchItem.Answered(customId, OpenAiChatJson.reply(body, config.model()));
    }

    private static BatchJob job(JsonNode job) {
        JsonNode counts = job.path("request_counts");
        Map<String, String> metadata = new HashMap<>();
        job.path("metadata")
                .fields()
                .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        List<String> errors = new ArrayList<>();
        job.path("errors")
                .path("data")
                .forEach(e -> errors.add(e.path("message").asText()));
        return new BatchJob(
                job.path("id").asText(),
                state(job.path("status").asText()),
                counts.path("total").asInt(),
                counts.path("completed").asInt(),
                counts.path("failed").asInt(),
                Instant.ofEpochSecond(job.path("created_at").asLong()),
                metadata,
                errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)));
    }

    private static BatchState state(String status) {
        return switch (status) {
            case "validating" -> BatchState.VALIDATING;
            case "in_progress" -> BatchState.IN_PROGRESS;
            case "finalizing" -> BatchState.FINALIZING;
            case "completed" -> BatchState.COMPLETED;
            case "failed" -> BatchState.FAILED;
            case "expired" -> BatchState.EXPIRED;
            case "cancelling" -> BatchState.CANCELLING;
            case "cancelled" -> BatchState.CANCELLED;
            default -> BatchState.IN_PROGRESS;
        };
    }
}
