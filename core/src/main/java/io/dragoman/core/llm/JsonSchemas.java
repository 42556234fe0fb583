package io.dragoman.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks the JSON schema of a {@link ModelRequest} against the common ground of the providers' strict modes, so that a
 * schema they would reject fails here, naming the place, instead of as an HTTP 400 later: an object at the root; no
 * {@code $ref}, {@code $defs}, {@code anyOf}, {@code oneOf}, {@code allOf} or {@code not}; every object lists all its
 * properties as required and sets {@code additionalProperties: false}; every array has {@code items}. The LangChain4j
 * adapter sends a checked schema verbatim, without its document metadata.
 */
final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UNSUPPORTED =
            List.of("$ref", "$defs", "definitions", "anyOf", "oneOf", "allOf", "not");

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
