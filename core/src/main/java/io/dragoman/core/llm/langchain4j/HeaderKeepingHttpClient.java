package io.dragoman.core.llm.langchain4j;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A LangChain4j HTTP client on the JDK's {@link java.net.http.HttpClient} that, unlike LangChain4j's own, keeps the
 * response headers of an error ({@link ErrorResponse}), so that {@code Retry-After} and {@code x-ratelimit-reset-*}
 * can be honoured. Redirects are not followed (a 3xx answer is an {@link ErrorResponse}), so requests go to the
 * configured base URL only. Blocking calls only: Dragoman does not stream.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;

    private final java.util.function.Consumer<Map<String, List<String>>> onSuccess;

    private HeaderKeepingHttpClient(
            Duration connectTimeout,
            Duration readTimeout,
            java.util.function.Consumer<Map<String, List<String>>> onSuccess) {
        this.onSuccess = onSuccess;
        this.delegate = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // never: a redirect would carry the article and the key's header to a server nobody configured
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new UnsupportedOperationException("Multipart requests are not supported by Dragoman's HTTP client.");
        }
        java.net.http.HttpRequest.Builder builder =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        String body = request.body();
        builder.method(
                request.method().name(),
                body == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = delegate.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new dev.langchain4j.exception.TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the model's reply.", e);
        }
        Map<String, List<String>> headers = response.headers().map();
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new ErrorResponse(response.statusCode(), response.body(), headers);
        }
        onSuccess.accept(headers);
        if (response.body() == null || response.body().isBlank()) {
            throw new EmptyReply(response.statusCode());
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(headers)
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("Dragoman does not stream model replies."));
    }

    /** A non-2xx answer, with its headers. LangChain4j wraps it; {@link FailureMapper} finds it in the causes. */
    static final class ErrorResponse extends HttpException {

        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial") // never serialized
        private final Map<String, List<String>> headers;

        private final String body;

        ErrorResponse(int statusCode, String body, Map<String, List<String>> headers) {
            super(statusCode, body);
            this.body = body;
            this.headers = Map.copyOf(headers);
        }

        /** The response headers; names as the JDK gives them (lower case for HTTP/2). */
        Map<String, List<String>> headers() {
            return headers;
        }

        /** The response body. */
        String body() {
            return body;
        }
    }

    /**
     * A successful status with no body: no model reply says nothing at all, so this is a fault of the server or of a
     * proxy in between, named as such instead of as unreadable JSON.
     */
    static final class EmptyReply extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int statusCode;

        EmptyReply(int statusCode) {
            super("HTTP " + statusCode + " with an empty body");
            this.statusCode = statusCode;
        }

        /** The status that came with the empty body. */
        int statusCode() {
            return statusCode;
        }
    }

    /** Builds the client with the timeouts LangChain4j's model builders set. */
    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;
        private final java.util.function.Consumer<Map<String, List<String>>> onSuccess;

        /**
         * @param onSuccess hears the headers of every successful response (rate-limit headers for the limiter)
         */
        Builder(
                Duration connectTimeout,
                Duration readTimeout,
                java.util.function.Consumer<Map<String, List<String>>> onSuccess) {
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
            this.onSuccess = onSuccess;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new HeaderKeepingHttpClient(connectTimeout, readTimeout, onSuccess);
        }
    }
}
