package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.util.Optional;

/**
 * A {@link ModelRequest} as the body of an OpenAI chat completion, and a completion as a {@link ModelReply}: the same
 * messages, output budget, temperature and strict JSON schema the online provider sends, so a batch reply is the one
 * an online call would have had.
 */
final class OpenAiChatJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiChatJson() {}

    /** The body of {@code POST /v1/chat/completions} for the request. */
    static ObjectNode body(String model, ModelRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        var messages = body.putArray("messages");
        if (!request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        body.put("max_completion_tokens", request.maxOutputTokens());
        body.put("temperature", request.temperature());
        request.jsonSchema().ifPresent(schema -> {
            ObjectNode parsed = schema(schema);
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema")
                    .put("name", schemaName(parsed.path("title").asText()))
                    .put("strict", true)
                    .set("schema", parsed);
        });
        return body;
    }

    /** An OpenAI chat completion's first choice as a reply. */
    static ModelReply reply(JsonNode completion, String configuredModel) {
        return reply(completion, configuredModel, ProviderKind.OPENAI);
    }

    /** The first choice of a chat completion in OpenAI's shape (which Mistral shares) as the provider's reply. */
    static ModelReply reply(JsonNode completion, String configuredModel, ProviderKind provider) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        JsonNode usage = completion.path("usage");
        Optional<Usage> used = usage.has("prompt_tokens")
                ? Optional.of(new Usage(
                        usage.path("prompt_tokens").asLong(),
                        usage.path("completion_tokens").asLong(),
                        usage.path("prompt_tokens_details")
                                .path("cached_tokens")
                                .asLong(),
                        0))
                : Optional.empty();
        return new ModelReply(
                content.isTextual() ? content.asText() : "",
                finish(choice.path("finish_reason").asText("")),
                used,
                provider,
                completion.path("model").asText(configuredModel));
    }

    static FinishReason finish(String reason) {
        return switch (reason) {
            case "stop", "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "length", "max_tokens" -> FinishReason.LENGTH;
            case "content_filter", "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** The request's schema without the keywords that describe the document (strict modes reject some). */
    static ObjectNode schema(String text) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(text);
            root.remove("$schema");
            root.remove("$id");
            root.remove("$comment");
            return root;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("The JSON schema of the request is not a JSON object.", e);
        }
    }

    /** A schema name as OpenAI accepts it ({@code [A-Za-z0-9_-]}, at most 64) from the schema's title. */
    static String schemaName(String title) {
        String name = title.strip().replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        return name.isEmpty() ? "reply" : name.length() > 64 ? name.substring(0, 64) : name;
    }
}
