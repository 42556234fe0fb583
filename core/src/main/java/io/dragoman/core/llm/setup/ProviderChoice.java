package io.dragoman.core.llm.setup;

import io.dragoman.core.llm.ProviderKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source of settings (command-line flags, or a config file) says about the provider; any part may be
 * missing.
 *
 * @param provider the provider
 * @param model the model
 * @param baseUrl the base URL
 * @param apiKey a key: only ever from a config file, never from a flag (flags show in {@code ps})
 */
public record ProviderChoice(
        Optional<ProviderKind> provider, Optional<String> model, Optional<String> baseUrl, Optional<String> apiKey) {

    /** Says nothing. */
    public static final ProviderChoice NONE =
            new ProviderChoice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Validates that no component is null. */
    public ProviderChoice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /** Command-line flags: no key. */
    public static ProviderChoice flags(
            Optional<ProviderKind> provider, Optional<String> model, Optional<String> baseUrl) {
        return new ProviderChoice(provider, model, baseUrl, Optional.empty());
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ProviderChoice[provider=" + provider.map(ProviderKind::id).orElse("-") + ", model="
                + model.orElse("-") + ", baseUrl=" + baseUrl.orElse("-") + ", apiKey="
                + (apiKey.isPresent() ? "***" : "none") + "]";
    }
}
