package io.dragoman.core.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * One chat request: a system message, a user message and the generation parameters.
 *
 * @param system the system message; may be empty (then none is sent), never null
 * @param user the user message; never blank
 * @param maxOutputTokens the output budget, always sent explicitly (some providers default to 1024); positive
 * @param temperature sampling temperature, 0 to 2
 * @param jsonSchema a JSON Schema (2020-12) the reply must follow, or empty for free text. It is sent as the provider's
 *     own structured output (see {@link ProviderKind#nativeJsonSchema()}), so it must fit every provider's strict mode:
 *     an object at the root, no {@code $ref}, {@code anyOf}, {@code oneOf} or {@code allOf}, every property required,
 *     {@code additionalProperties: false} on every object and {@code items} on every array
 */
public record ModelRequest(
        String system, String user, int maxOutputTokens, double temperature, Optional<String> jsonSchema) {

    /**
     * Validates every component.
     *
     * @throws IllegalArgumentException when a component is out of range or the JSON schema is not of the shape above
     */
    public ModelRequest {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        if (user.isBlank()) {
            throw new IllegalArgumentException("The user message of a model request is blank.");
        }
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, was " + maxOutputTokens);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
        }
        jsonSchema.ifPresent(JsonSchemas::check);
    }

    /** A free-text request. */
    public static ModelRequest of(String system, String user, int maxOutputTokens, double temperature) {
        return new ModelRequest(system, user, maxOutputTokens, temperature, Optional.empty());
    }

    /** A request whose reply must be one JSON object following {@code jsonSchema} (shape as for the record). */
    public static ModelRequest json(
            String system, String user, int maxOutputTokens, double temperature, String jsonSchema) {
        return new ModelRequest(system, user, maxOutputTokens, temperature, Optional.of(jsonSchema));
    }
}
