package io.dragoman.core.llm.setup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether an Ollama server answers at a base URL: {@code GET <base>/api/tags} returns 200 within the timeout. For
 * {@link ProviderResolver}'s last resort; never throws.
 */
public final class OllamaProbe implements Predicate<String> {

    private final Duration timeout;

    /** @param timeout how long to wait for the connection and the answer together; keep it short (about 1 s) */
    public OllamaProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public boolean test(String baseUrl) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/api/tags"))
                    .timeout(timeout)
                    .GET()
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
