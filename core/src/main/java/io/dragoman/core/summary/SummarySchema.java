package io.dragoman.core.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dragoman.core.prompt.PromptLibrary;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The published summary schema ({@code prompts/summary/schema.json}, JSON Schema 2020-12), loaded from the jar, and
 * validation of replies against it with the networknt validator. Immutable and thread-safe.
 */
public final class SummarySchema {

    private final String text;
    private final String sent;
    private final JsonSchema schema;
    private final ObjectMapper mapper = new ObjectMapper();

    private SummarySchema(String text) {
        this.text = text;
        this.schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
        ObjectNode sent = (ObjectNode) withoutDescriptions(tree());
        sent.remove("$schema");
        this.sent = sent.toString();
    }

    /** The schema built into the jar. */
    public static SummarySchema builtIn() {
        return new SummarySchema(PromptLibrary.builtInFile("summary", "schema.json"));
    }

    /** The schema document as text, as sent to providers. */
    public String text() {
        return text;
    }

    /**
     * The schema as requests carry it: on one line, without the {@code description}s (the system prompt's rules say
     * what each field holds) and the {@code $schema} line, so that a provider's structured output and a prompt pay
     * only for the shape. Validation uses the whole document.
     */
    public String sent() {
        return sent;
    }

    /** The node without its descriptions, at every level; property names are kept whatever they are. */
    private static JsonNode withoutDescriptions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("description").isTextual()) {
                object.remove("description");
            }
            object.fields().forEachRemaining(field -> {
                if (field.getKey().equals("properties") && field.getValue() instanceof ObjectNode properties) {
                    properties.forEach(SummarySchema::withoutDescriptions);
                } else {
                    withoutDescriptions(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(SummarySchema::withoutDescriptions);
        }
        return node;
    }

    /** The schema document as a tree. */
    public JsonNode tree() {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The summary schema is not valid JSON", e);
        }
    }

    /**
     * Validates a JSON value.
     *
     * @return the problems, one readable line each (e.g. {@code $.people[0].role: is missing but it is required}),
     *     sorted; empty when the value is valid
     */
    public List<String> validate(JsonNode value) {
        Objects.requireNonNull(value, "value");
        return schema.validate(value).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }
}
