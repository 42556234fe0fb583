package io.dragoman.core.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's whole reply to one request.
 *
 * @param text the reply text; empty when the model wrote nothing, never null
 * @param finishReason why it stopped; {@link FinishReason#LENGTH} means the text is truncated
 * @param usage tokens used, or empty when the provider did not report them (the caller counts them then)
 * @param provider the provider that answered
 * @param model the model that answered, as the provider named it (falls back to the configured model)
 */
public record ModelReply(
        String text, FinishReason finishReason, Optional<Usage> usage, ProviderKind provider, String model) {

    /** Validates that no component is null. */
    public ModelReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** True when the model stopped because it ran out of output tokens. */
    public boolean truncated() {
        return finishReason == FinishReason.LENGTH;
    }
}
