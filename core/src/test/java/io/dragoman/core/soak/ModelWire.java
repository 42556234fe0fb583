package io.dragoman.core.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.ProviderKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * What each provider protocol looks like on the wire, for a stand-in server that serves all six on one port: each
 * protocol under its own path prefix, requests read for their user message and output budget, replies and error bodies
 * written in the protocol's own JSON.
 */
public final class ModelWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelWire() {}

    /** The model each protocol is configured with. */
    public static String model(ProviderKind kind) {
        return switch (kind) {
            case OPENAI -> "gpt-4.1-mini";
            case ANTHROPIC -> "claude-haiku-4-5";
            case GEMINI -> "gemini-2.5-flash";
            case MISTRAL -> "mistral-small-latest";
            case OLLAMA -> "qwen2.5:7b";
            case OPENAI_COMPATIBLE -> "qwen2.5-7b-instruct";
        };
    }

    /** The path prefix under which the server speaks this protocol. */
    public static String prefix(ProviderKind kind) {
        return "/" + kind.id();
    }

    /** The base URL to configure for this protocol on a server at this port. */
    public static String baseUrl(ProviderKind kind, int port) {
        String root = "http://127.0.0.1:" + port + prefix(kind);
        return switch (kind) {
            case OPENAI, ANTHROPIC, MISTRAL, OPENAI_COMPATIBLE -> root + "/v1";
            case GEMINI -> root + "/v1beta";
            case OLLAMA -> root;
        };
    }

    /** The protocol a request path belongs to. */
    public static Optional<ProviderKind> protocolOf(String path) {
        return Arrays.stream(ProviderKind.values())
                .filter(k -> path.startsWith(prefix(k) + "/"))
                .findFirst();
    }

    /** A chat request as the stand-in reads it: the user message and the output budget. */
    public record Request(String user, int maxOutputTokens) {}

    /** Reads a chat request of this protocol. */
    public static Request read(ProviderKind kind, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not a JSON request: " + body, e);
        }
        JsonNode budget =
                switch (kind) {
                    case GEMINI -> root.path("generationConfig").path("maxOutputTokens");
                    case OLLAMA -> root.path("options").path("num_predict");
                    case OPENAI, OPENAI_COMPATIBLE ->
                        root.has("max_completion_tokens")
                                ? root.path("max_completion_tokens")
                                : root.path("max_tokens");
                    default -> root.path("max_tokens");
                };
        JsonNode user =
                switch (kind) {
                    case GEMINI -> last(root.path("contents")).path("parts");
                    default -> last(root.path("messages")).path("content");
                };
        return new Request(text(user), budget.asInt(-1));
    }

    private static JsonNode last(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? array.get(array.size() - 1) : JSON.missingNode();
    }

    /** A message's text: a string, or the text parts of a list of content blocks, joined. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode part : content) {
            b.append(part.path("text").asText(""));
        }
        return b.toString();
    }

    /** A successful reply carrying this text; {@code truncated} says the output limit stopped it. */
    public static String reply(ProviderKind kind, String text, boolean truncated, int inputTokens, int outputTokens) {
        ObjectNode root = JSON.createObjectNode();
        String model = model(kind);
        switch (kind) {
            case OPENAI, OPENAI_COMPATIBLE, MISTRAL -> {
                root.put("id", "chatcmpl-soak");
                root.put("object", "chat.completion");
                root.put("created", 1_764_000_000L);
                root.put("model", model);
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", text);
                choice.put("finish_reason", truncated ? "length" : "stop");
                root.putObject("usage")
                        .put("prompt_tokens", inputTokens)
                        .put("completion_tokens", outputTokens)
                        .put("total_tokens", inputTokens + outputTokens);
            }
            case ANTHROPIC -> {
                root.put("id", "msg_soak");
                root.put("type", "message");
                root.put("role", "assistant");
                root.put("model", model);
                root.putArray("content").addObject().put("type", "text").put("text", text);
                root.put("stop_reason", truncated ? "max_tokens" : "end_turn");
                root.putNull("stop_sequence");
                root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
            }
            case GEMINI -> {
                ObjectNode candidate = root.putArray("candidates").addObject();
                ObjectNode content = candidate.putObject("content");
                content.putArray("parts").addObject().put("text", text);
                content.put("role", "model");
                candidate.put("finishReason", truncated ? "MAX_TOKENS" : "STOP");
                candidate.put("index", 0);
                root.putObject("usageMetadata")
                        .put("promptTokenCount", inputTokens)
                        .put("candidatesTokenCount", outputTokens)
                        .put("totalTokenCount", inputTokens + outputTokens);
                root.put("modelVersion", model);
            }
            case OLLAMA -> {
                root.put("model", model);
                root.put("created_at", "2026-01-01T00:00:00Z");
                root.putObject("message").put("role", "assistant").put("content", text);
                root.put("done_reason", truncated ? "length" : "stop");
                root.put("done", true);
                root.put("prompt_eval_count", inputTokens);
                root.put("eval_count", outputTokens);
            }
        }
        return root.toString();
    }

    /**
     * An error body of this protocol for the status; with {@code retryDelaySeconds} a Gemini body carries a {@code
     * RetryInfo} asking for that wait.
     */
    public static String error(ProviderKind kind, int status, Optional<Integer> retryDelaySeconds) {
        String message =
                switch (status) {
                    case 429 -> "Rate limit reached for requests per minute; please slow down.";
                    case 529 -> "Overloaded";
                    case 502 -> "Bad gateway: the upstream model server did not answer.";
                    case 503 -> "The model is overloaded. Please try again later.";
                    default -> "The server had an error while processing your request.";
                };
        ObjectNode root = JSON.createObjectNode();
        switch (kind) {
            case OPENAI, OPENAI_COMPATIBLE ->
                root.putObject("error")
                        .put("message", message)
                        .put("type", status == 429 ? "requests" : "server_error")
                        .putNull("param")
                        .put("code", status == 429 ? "rate_limit_exceeded" : null);
            case MISTRAL ->
                root.put("object", "error")
                        .put("message", message)
                        .put("type", status == 429 ? "rate_limited" : "internal_server_error")
                        .putNull("param")
                        .put("code", Integer.toString(status));
            case ANTHROPIC -> {
                root.put("type", "error");
                root.putObject("error")
                        .put(
                                "type",
                                switch (status) {
                                    case 429 -> "rate_limit_error";
                                    case 529 -> "overloaded_error";
                                    default -> "api_error";
                                })
                        .put("message", message);
                root.put("request_id", "req_soak");
            }
            case GEMINI -> {
                ObjectNode error = root.putObject("error")
                        .put("code", status)
                        .put("message", message)
                        .put(
                                "status",
                                switch (status) {
                                    case 429 -> "RESOURCE_EXHAUSTED";
                                    case 503 -> "UNAVAILABLE";
                                    default -> "INTERNAL";
                                });
                retryDelaySeconds.ifPresent(s -> error.putArray("details")
                        .addObject()
                        .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                        .put("retryDelay", s + "s"));
            }
            case OLLAMA -> root.put("error", message);
        }
        return root.toString();
    }
}
