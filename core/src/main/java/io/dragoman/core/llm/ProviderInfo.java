package io.dragoman.core.llm;

import java.util.Objects;

/**
 * What a {@link ModelProvider} talks to; never holds a key.
 *
 * @param kind the provider
 * @param model the model name
 * @param baseUrl the API's base URL
 */
public record ProviderInfo(ProviderKind kind, String model, String baseUrl) {

    /** Validates that no component is null. */
    public ProviderInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
