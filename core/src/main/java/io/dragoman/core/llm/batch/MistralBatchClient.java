package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.RetriableFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mistral's batch API: the requests go up as a JSONL file ({@code POST /files}, purpose {@code batch}; each line
 * {@code {custom_id, body}} with the chat body the online provider sends), a job is created on it ({@code POST
 * /batch/jobs} with the model, endpoint {@code /v1/chat/completions} and our job key as metadata), its status is read
 * from {@code GET /batch/jobs/{id}}, its results from the output and error files ({@code GET /files/{id}/content}),
 * the jobs are listed from {@code GET /batch/jobs} (those with our key in their metadata kept) and one is cancelled
 * with {@code POST /batch/jobs/{id}/cancel}. Jobs are kept to 100,000 requests and 200 MB, well inside what Mistral
 * takes.
 */
public final class MistralBatchClient implements BatchClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Limits LIMITS = new Limits(100_000, 190_000_000L);
    private static final int PAGE_SIZE = 100;
    /** How many pages {@link #list} reads at most. */
    private static final int LIST_PAGES = 5;

    private final ProviderConfig config;
    private final BatchHttp http;

    /** A client for the config's base URL, key and model. */
    public MistralBatchClient(ProviderConfig config) {
        this(config, BatchHttp.client(config.connectTimeout()));
    }

    MistralBatchClient(ProviderConfig config, HttpClient client) {
        this.config = config;
        Map<String, String> headers = new HashMap<>();
        config.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        this.http = new BatchHttp(client, config.baseUrl(), headers, config.apiKey(), "Mistral", config.readTimeout());
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
            ObjectNode line = JSON.createObjectNode().put("custom_id", request.customId());
            line.set("body", body(request.request()));
            lines.append(line).append('\n');
        }
        JsonNode file = http.postFile(
                "/files",
                Map.of("purpose", "batch"),
                jobKey + ".jsonl",
                lines.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode create =
                JSON.createObjectNode().put("model", config.model()).put("endpoint", "/v1/chat/completions");
        create.putArray("input_files").add(file.path("id").asText());
        create.putObject("metadata").put(JOB_KEY, jobKey);
        return http.post("/batch/jobs", create).path("id").asText();
    }

    /**
     * The chat body the online provider sends (LangChain4j's Mistral model): the messages, {@code max_tokens}, the
     * temperature and the strict JSON schema; the model is the job's.
     */
    static ObjectNode body(ModelRequest request) {
        ObjectNode body = OpenAiChatJson.body("unused", request);
        body.remove("model");
        body.set("max_tokens", body.remove("max_completion_tokens"));
        return body;
    }

    @Override
    public BatchJob status(String jobId) {
        return job(http.get("/batch/jobs/" + jobId));
    }

    @Override
    public List<BatchItem> results(String jobId) {
        JsonNode job = http.get("/batch/jobs/" + jobId);
        List<BatchItem> items = new ArrayList<>();
        for (String file : List.of("output_file", "error_file")) {
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
        for (int page = 0; page < LIST_PAGES; page++) {
            JsonNode answer = http.get("/batch/jobs?page=" + page + "&page_size=" + PAGE_SIZE);
            JsonNode data = answer.path("data");
            for (JsonNode job : data) {
                if (job.path("metadata").hasNonNull(JOB_KEY)) {
                    ours.add(job(job));
                }
            }
            if (data.size() < PAGE_SIZE
                    || (long) (page + 1) * PAGE_SIZE >= answer.path("total").asLong(0)) {
                break;
            }
        }
        return ours;
    }

    @Override
    public void cancel(String jobId) {
        http.post("/batch/jobs/" + jobId + "/cancel", JSON.createObjectNode());
    }

    private BatchItem item(String line) {
        JsonNode item;
        try {
            item = JSON.readTree(line);
        } catch (IOException e) {
            throw new RetriableFailure("Mistral batch API: a result line is not JSON", 0, Optional.empty(), null);
        }
        String customId = item.path("custom_id").asText();
        JsonNode response = item.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status == 200 && body.isObject()) {
            return new BatchItem.Answered(customId, OpenAiChatJson.reply(body, config.model(), ProviderKind.MISTRAL));
        }
        JsonNode error = item.path("error");
        String message;
        if (status != 0) {
            message = "HTTP " + status + ": " + message(body);
        } else if (!error.isMissingNode() && !error.isNull()) {
            message = message(error);
        } else {
            message = "no reply";
        }
        // a line without a status never reached the model (the job ended first): sending it again may succeed
        boolean retriable = status == 0 || status == 429 || status >= 500;
        return new BatchItem.Errored(customId, http.scrub(message), retriable);
    }

    /** The message of an error in any of the shapes Mistral writes one: text, {@code {message}} or {@code {error}}. */
    private static String message(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        for (JsonNode candidate :
                List.of(error.path("error").path("message"), error.path("message"), error.path("detail"))) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return error.isMissingNode() || error.isNull() ? "no reply" : error.toString();
    }

    private static BatchJob job(JsonNode job) {
        Map<String, String> metadata = new HashMap<>();
        job.path("metadata")
                .fields()
                .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        List<String> errors = new ArrayList<>();
        job.path("errors").forEach(e -> errors.add(e.path("message").asText()));
        return new BatchJob(
                job.path("id").asText(),
                state(job.path("status").asText()),
                job.path("total_requests").asInt(),
                job.path("succeeded_requests").asInt(),
                job.path("failed_requests").asInt(),
                Instant.ofEpochSecond(job.path("created_at").asLong()),
                metadata,
                errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)));
    }

    private static BatchState state(String status) {
        return switch (status) {
            case "QUEUED" -> BatchState.VALIDATING;
            case "SUCCESS" -> BatchState.COMPLETED;
            case "FAILED" -> BatchState.FAILED;
            case "TIMEOUT_EXCEEDED" -> BatchState.EXPIRED;
            case "CANCELLATION_REQUESTED" -> BatchState.CANCELLING;
            case "CANCELLED" -> BatchState.CANCELLED;
            default -> BatchState.IN_PROGRESS;
        };
    }
}
