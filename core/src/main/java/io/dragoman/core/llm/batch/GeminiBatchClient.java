package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gemini's batch mode: the requests go inline in one {@code POST /models/{model}:batchGenerateContent}, each the
 * generateContent body the online provider sends with its custom id as metadata {@code key}, the batch's display name
 * carrying our job key ({@code dragoman_job=KEY}). Its state, counts and inlined responses come from {@code GET
 * /batches/{id}} (a long-running operation whose metadata is the batch), the jobs are listed from {@code GET /batches}
 * (those whose display name carries our key kept) and one is cancelled with {@code POST /batches/{id}:cancel}. The key
 * goes in the {@code x-goog-api-key} header, never in a URL. Inline requests are limited to 20 MB a batch, so jobs are
 * kept to 15 MB of payload.
 */
public final class GeminiBatchClient implements BatchClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Limits LIMITS = new Limits(50_000, 15_000_000L);
    /** What precedes our job key in a batch's display name. */
    static final String NAME_PREFIX = JOB_KEY + "=";

    private static final int PAGE_SIZE = 100;
    /** How many pages {@link #list} reads at most. */
    private static final int LIST_PAGES = 5;

    private final ProviderConfig config;
    private final BatchHttp http;

    /** A client for the config's base URL, key and model. */
    public GeminiBatchClient(ProviderConfig config) {
        this(config, BatchHttp.client(config.connectTimeout()));
    }

    GeminiBatchClient(ProviderConfig config, HttpClient client) {
        this.config = config;
        Map<String, String> headers =
                config.apiKey().map(key -> Map.of("x-goog-api-key", key)).orElse(Map.of());
        this.http = new BatchHttp(client, config.baseUrl(), headers, config.apiKey(), "Gemini", config.readTimeout());
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
        ObjectNode body = JSON.createObjectNode();
        ObjectNode batch = body.putObject("batch").put("displayName", NAME_PREFIX + jobKey);
        ArrayNode inlined = batch.putObject("inputConfig").putObject("requests").putArray("requests");
        for (BatchRequest request : requests) {
            ObjectNode item = inlined.addObject();
            item.set("request", body(request.request()));
            item.putObject("metadata").put("key", request.customId());
        }
        JsonNode operation = http.post("/models/" + model() + ":batchGenerateContent", body);
        return id(operation.path("name").asText());
    }

    /**
     * The generateContent body the online provider sends (LangChain4j's Gemini model): the system instruction, one user
     * turn, {@code maxOutputTokens}, the temperature and the JSON schema as {@code responseJsonSchema} with a JSON
     * reply.
     */
    static ObjectNode body(ModelRequest request) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode user = body.putArray("contents").addObject().put("role", "user");
        user.putArray("parts").addObject().put("text", request.user());
        if (!request.system().isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        }
        ObjectNode generation = body.putObject("generationConfig");
        generation.put("maxOutputTokens", request.maxOutputTokens());
        generation.put("temperature", request.temperature());
        request.jsonSchema().ifPresent(schema -> {
            generation.put("responseMimeType", "application/json");
            generation.set("responseJsonSchema", OpenAiChatJson.schema(schema));
        });
        return body;
    }

    @Override
    public BatchJob status(String jobId) {
        return job(http.get("/batches/" + jobId));
    }

    @Override
    public List<BatchItem> results(String jobId) {
        JsonNode operation = http.get("/batches/" + jobId);
        JsonNode responses = operation.path("response").path("inlinedResponses").path("inlinedResponses");
        if (!responses.isArray()) {
            responses = operation
                    .path("metadata")
                    .path("output")
                    .path("inlinedResponses")
                    .path("inlinedResponses");
        }
        List<BatchItem> items = new ArrayList<>();
        for (JsonNode response : responses) {
            String customId = response.path("metadata").path("key").asText("");
            // an answer without our key cannot be matched to its request: it counts as not processed
            if (!customId.isEmpty()) {
                items.add(item(customId, response));
            }
        }
        return items;
    }

    @Override
    public List<BatchJob> list() {
        List<BatchJob> ours = new ArrayList<>();
        String token = "";
        for (int page = 0; page < LIST_PAGES; page++) {
            String path = "/batches?pageSize=" + PAGE_SIZE
                    + (token.isEmpty() ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            JsonNode answer = http.get(path);
            for (JsonNode operation : answer.path("operations")) {
                if (displayName(operation).startsWith(NAME_PREFIX)) {
                    ours.add(job(operation));
                }
            }
            token = answer.path("nextPageToken").asText("");
            if (token.isEmpty()) {
                break;
            }
        }
        return ours;
    }

    @Override
    public void cancel(String jobId) {
        http.post("/batches/" + jobId + ":cancel", JSON.createObjectNode());
    }

    private String model() {
        String model = config.model();
        return model.startsWith("models/") ? model.substring("models/".length()) : model;
    }

    /** The batch id from its resource name {@code batches/ID}. */
    private static String id(String name) {
        return name.startsWith("batches/") ? name.substring("batches/".length()) : name;
    }

    private static String displayName(JsonNode operation) {
        return operation.path("metadata").path("displayName").asText("");
    }

    private BatchItem item(String customId, JsonNode inlined) {
        JsonNode response = inlined.path("response");
        JsonNode candidate = response.path("candidates").path(0);
        if (response.isObject() && candidate.isObject()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : candidate.path("content").path("parts")) {
                if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                    text.append(part.path("text").asText());
                }
            }
            return new BatchItem.Answered(
                    customId,
                    new ModelReply(
                            text.toString(),
                            finish(candidate.path("finishReason").asText("")),
                            usage(response.path("usageMetadata")),
                            ProviderKind.GEMINI,
                            response.path("modelVersion").asText(config.model())));
        }
        JsonNode error = inlined.path("error");
        if (error.isObject()) {
            int code = error.path("code").asInt(0);
            String status = error.path("status").asText("");
            String message = (code == 0 ? "" : "HTTP " + code + ": ")
                    + error.path("message").asText(status.isEmpty() ? "no reply" : status);
            boolean retriable = code == 0
                    || code == 429
                    || code >= 500
                    || List.of("RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED", "ABORTED")
                            .contains(status);
            return new BatchItem.Errored(customId, http.scrub(message), retriable);
        }
        String blocked = response.path("promptFeedback").path("blockReason").asText("");
        return blocked.isEmpty()
                ? new BatchItem.Errored(customId, "no reply", true)
                : new BatchItem.Errored(customId, "the prompt was blocked: " + blocked, false);
    }

    static FinishReason finish(String reason) {
        return switch (reason) {
            case "STOP" -> FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** The usage as the online provider counts it: the prompt includes the cached content. */
    private static Optional<Usage> usage(JsonNode metadata) {
        if (!metadata.has("promptTokenCount")) {
            return Optional.empty();
        }
        long prompt = metadata.path("promptTokenCount").asLong();
        long cached = Math.max(0, metadata.path("cachedContentTokenCount").asLong());
        return Optional.of(
                new Usage(prompt, metadata.path("candidatesTokenCount").asLong(), Math.min(cached, prompt), 0));
    }

    private static BatchJob job(JsonNode operation) {
        JsonNode batch = operation.path("metadata");
        String name = displayName(operation);
        Map<String, String> metadata =
                name.startsWith(NAME_PREFIX) ? Map.of(JOB_KEY, name.substring(NAME_PREFIX.length())) : Map.of();
        JsonNode stats = batch.path("batchStats");
        JsonNode error = operation.path("error");
        Optional<String> why = error.path("message").isTextual()
                ? Optional.of(error.path("message").asText())
                : Optional.empty();
        return new BatchJob(
                id(operation.path("name").asText(batch.path("name").asText())),
                state(batch.path("state").asText("")),
                stats.path("requestCount").asInt(),
                stats.path("successfulRequestCount").asInt(),
                stats.path("failedRequestCount").asInt(),
                instant(batch.path("createTime").asText("")),
                metadata,
                why);
    }

    private static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** Our state of a batch in either spelling Gemini uses ({@code BATCH_STATE_} or {@code JOB_STATE_}). */
    static BatchState state(String state) {
        return switch (state.replaceFirst("^(BATCH|JOB)_STATE_", "")) {
            case "RUNNING" -> BatchState.IN_PROGRESS;
            case "SUCCEEDED" -> BatchState.COMPLETED;
            case "FAILED" -> BatchState.FAILED;
            case "CANCELLED" -> BatchState.CANCELLED;
            case "EXPIRED" -> BatchState.EXPIRED;
            default -> BatchState.VALIDATING;
        };
    }
}
