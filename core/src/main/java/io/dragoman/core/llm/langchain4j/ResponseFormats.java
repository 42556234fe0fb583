package io.dragoman.core.llm.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;

/**
 * Hands the JSON schema of a {@link io.dragoman.core.llm.ModelRequest} (checked when the request was made) to
 * LangChain4j as a {@link JsonRawSchema}, which every provider module of LangChain4j 1.18 copies verbatim into its own
 * structured-output field (OpenAI and Mistral {@code response_format.json_schema.schema}, Gemini {@code
 * generationConfig.responseJsonSchema}, Ollama {@code format}, Anthropic {@code output_config.format.schema}). Passing
 * the text through, rather than rebuilding it from LangChain4j's typed schema elements, keeps descriptions and the
 * exact shape the reply is validated against.
 */
final class ResponseFormats {

    /** The schema name sent when the schema's {@code title} cannot serve as one (OpenAI and Mistral want a name). */
    static final String DEFAULT_NAME = "reply";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords that describe the document rather than the reply; some strict modes reject them, so they are not sent. */
    private static final List<String> METADATA = List.of("$schema", "$id", "$comment");

    private ResponseFormats() {}

    /** A JSON reply following the schema. */
    static ResponseFormat json(String schema) {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(toLangChain4j(schema))
                .build();
    }

    /**
     * The schema as LangChain4j's structured-output request: named, without document metadata, otherwise verbatim.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    static JsonSchema toLangChain4j(String text) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The JSON schema of the request is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(parsed instanceof ObjectNode root)) {
            throw new IllegalArgumentException("The JSON schema of the request is not a JSON object.");
        }
        METADATA.forEach(root::remove);
        return JsonSchema.builder()
                .name(name(root.path("title").asText()))
                .rootElement(JsonRawSchema.from(root.toString()))
                .build();
    }

    /** A name from the schema's title as OpenAI accepts it ({@code [A-Za-z0-9_-]}, at most 64), or the default. */
    static String name(String title) {
        String name = title.strip().replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return DEFAULT_NAME;
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
