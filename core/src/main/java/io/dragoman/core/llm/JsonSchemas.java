package io.dragoman.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks the JSON schema of a {@link ModelRequest} and hands it to LangChain4j as a {@link JsonRawSchema}, which every
 * provider module of LangChain4j 1.18 copies verbatim into its own structured-output field (OpenAI and Mistral
 * {@code response_format.json_schema.schema}, Gemini {@code generationConfig.responseJsonSchema}, Ollama
 * {@code format}, Anthropic {@code output_config.format.schema}). Passing the text through, rather than rebuilding it
 * from LangChain4j's typed schema elements, keeps descriptions and the exact shape the reply is validated against.
 *
 * <p>The check enforces the common ground of the providers' strict modes, so that a schema they would reject fails
 * here, naming the place, instead of as an HTTP 400 later: an object at the root; no {@code $ref}, {@code $defs},
 * {@code anyOf}, {@code oneOf}, {@code allOf} or {@code not}; every object lists all its properties as required and
 * sets {@code additionalProperties: false}; every array has {@code items}.
 */
final class JsonSchemas {

    /** The schema name sent when the schema's {@code title} cannot serve as one (OpenAI and Mistral want a name). */
    static final String DEFAULT_NAME = "reply";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNSUPPORTED =
            List.of("$ref", "$defs", "definitions", "anyOf", "oneOf", "allOf", "not");
    /** Keywords that describe the document rather than the reply; some strict modes reject them, so they are not sent. */
    private static final List<String> METADATA = List.of("$schema", "$id", "$comment");

    private JsonSchemas() {}

    /**
     * Parses and checks a schema.
     *
     * @throws IllegalArgumentException saying what is wrong and where, when the text is not JSON or not a schema every
     *     provider accepts
     */
    static ObjectNode check(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The JSON schema of the request is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode object)
                || !"object".equals(root.path("type").asText())) {
            throw unsupported("the root must be a schema with \"type\": \"object\"", "");
        }
        checkSchema(object, "");
        return object;
    }

    /** The schema as LangChain4j's structured-output request: named, without document metadata, otherwise verbatim. */
    static JsonSchema toLangChain4j(String text) {
        ObjectNode root = check(text);
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

    private static void checkSchema(JsonNode node, String path) {
        if (!(node instanceof ObjectNode schema)) {
            throw unsupported("a schema must be a JSON object", path);
        }
        for (String keyword : UNSUPPORTED) {
            if (schema.has(keyword)) {
                throw unsupported(keyword + " is not supported; write the schema out in full", path);
            }
        }
        String type = schema.path("type").asText();
        if (type.equals("object")) {
            checkObject(schema, path);
        } else if (type.equals("array")) {
            if (!schema.has("items")) {
                throw unsupported("an array needs \"items\"", path);
            }
            checkSchema(schema.get("items"), path + "/items");
        }
    }

    private static void checkObject(ObjectNode schema, String path) {
        JsonNode properties = schema.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw unsupported("\"properties\" must be an object", path);
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!required.contains(name)) {
                throw unsupported("property '" + name + "' is not in \"required\"; every property must be", path);
            }
            checkSchema(properties.get(name), path + "/properties/" + name);
        }
        JsonNode additional = schema.path("additionalProperties");
        if (!additional.isBoolean() || additional.booleanValue()) {
            throw unsupported("an object must set \"additionalProperties\": false", path);
        }
    }

    private static IllegalArgumentException unsupported(String problem, String path) {
        return new IllegalArgumentException("The JSON schema of the request cannot be sent as structured output: "
                + problem + " (at " + (path.isEmpty() ? "the root" : path) + ").");
    }
}
