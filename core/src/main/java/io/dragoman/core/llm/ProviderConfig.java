package io.dragoman.core.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to talk to one model. {@link #toString()} never shows the key.
 *
 * @param kind the provider
 * @param model the model name; not blank
 * @param baseUrl the API base URL, {@code http} or {@code https}
 * @param apiKey the key, or empty for providers that need none (Ollama, many local servers)
 * @param keySource where the key came from, for error messages: an environment variable such as {@code
 *     ANTHROPIC_API_KEY}, or a description such as {@code the config file}; empty when there is no key
 * @param connectTimeout how long to wait for a connection; positive
 * @param readTimeout how long to wait for the whole reply; positive
 */
public record ProviderConfig(
        ProviderKind kind,
        String model,
        String baseUrl,
        Optional<String> apiKey,
        String keySource,
        Duration connectTimeout,
        Duration readTimeout) {

    /** Connection timeout used when none is configured. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Read timeout used when none is configured: long enough for a long article from a slow local model. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

    /** Validates every component; messages never contain the key. */
    public ProviderConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (model.isBlank()) {
            throw new IllegalArgumentException("No model given for provider " + kind.id() + "; name one with --model.");
        }
        if (!isHttpUrl(baseUrl)) {
            throw new IllegalArgumentException("The base URL '" + baseUrl + "' for provider " + kind.id()
                    + " is not an http(s) URL; give one like http://localhost:8000/v1 with --base-url.");
        }
        if (apiKey.isPresent() && apiKey.get().isBlank()) {
            throw new IllegalArgumentException(
                    "The API key for provider " + kind.id() + " from " + keySource + " is blank.");
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive.");
        }
    }

    /** A config with the default timeouts. */
    public static ProviderConfig of(
            ProviderKind kind, String model, String baseUrl, Optional<String> apiKey, String keySource) {
        return new ProviderConfig(
                kind, model, baseUrl, apiKey, keySource, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /** This config with other timeouts. */
    public ProviderConfig withTimeouts(Duration connect, Duration read) {
        return new ProviderConfig(kind, model, baseUrl, apiKey, keySource, connect, read);
    }

    /** What this config talks to. */
    public ProviderInfo info() {
        return new ProviderInfo(kind, model, baseUrl);
    }

    /** Shows everything but the key, which appears as {@code ***} (or {@code none}). */
    @Override
    public String toString() {
        return "ProviderConfig[kind=" + kind.id() + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey.isPresent() ? "***" : "none") + ", keySource=" + keySource + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
