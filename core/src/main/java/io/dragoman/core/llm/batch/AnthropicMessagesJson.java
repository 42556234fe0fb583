package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.util.Optional;

/**
 * A {@link ModelRequest} as the params of an Anthropic Messages request, and a message as a {@link ModelReply}: what
 * the online provider sends (the system message as a text block with a {@code cache_control} breakpoint, one user
 * message, {@code max_tokens}, {@code temperature}, and the schema as {@code output_config.format}), so a batch reply
 * is the one an online call would have had.
 */
final class AnthropicMessagesJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicMessagesJson() {}

    /** The params of {@code POST /v1/messages} for the request. */
    static ObjectNode params(String model, ModelRequest request) {
        ObjectNode params = JSON.createObjectNode().put("model", model);
        params.put("max_tokens", request.maxOutputTokens());
        params.put("temperature", request.temperature());
        if (!request.system().isEmpty()) {
            ObjectNode system = params.putArray("system").addObject();
            system.put("type", "text").put("text", request.system());
            system.putObject("cache_control").put("type", "ephemeral");
        }
        ObjectNode user = params.putArray("messages").addObject().put("role", "user");
        user.putArray("content").addObject().put("type", "text").put("text", request.user());
        request.jsonSchema().ifPresent(schema -> params.putObject("output_config")
                .putObject("format")
                .put("type", "json_schema")
                .set("schema", OpenAiChatJson.schema(schema)));
        return params;
    }

    /**
     * A message as a reply: its text blocks joined, its stop reason, and its usage with the cache reads and writes
     * added to {@code input_tokens} (which counts only the uncached part) to make the whole prompt.
     */
    static ModelReply reply(JsonNode message, String configuredModel) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if (block.path("type").asText().equals("text")) {
                text.append(block.path("text").asText());
            }
        }
        JsonNode usage = message.path("usage");
        Optional<Usage> used = Optional.empty();
        if (usage.has("input_tokens")) {
            long read = Math.max(0, usage.path("cache_read_input_tokens").asLong(0));
            long written = Math.max(0, usage.path("cache_creation_input_tokens").asLong(0));
            used = Optional.of(new Usage(
                    usage.path("input_tokens").asLong() + read + written,
                    usage.path("output_tokens").asLong(),
                    read,
                    written));
        }
        return new ModelReply(
                text.toString(),
                OpenAiChatJson.finish(message.path("stop_reason").asText("")),
                used,
                ProviderKind.ANTHROPIC,
                message.path("model").asText(configuredModel));
    }
}
