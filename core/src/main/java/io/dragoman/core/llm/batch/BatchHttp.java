package io.dragoman.core.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.RetriableFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP side of a batch client: JSON and multipart requests to one API with its auth headers, and every failure
 * turned into a {@link ModelFailure} whose message names the provider, the method and the path, quotes the provider's
 * error text and never holds the key. 429, 529 and 5xx and lost connections are retriable; other statuses are not.
 */
final class BatchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTE = 300;

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final Optional<String> key;
    private final String provider;
    private final Duration timeout;

    /**
     * @param baseUrl the API's base URL, without a trailing slash needed
     * @param headers sent with every request (auth, version)
     * @param key the API key, scrubbed from every message
     * @param provider the provider's name, for messages
     */
    BatchHttp(
            HttpClient http,
            String baseUrl,
            Map<String, String> headers,
            Optional<String> key,
            String provider,
            Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.headers = Map.copyOf(headers);
        this.key = Objects.requireNonNull(key, "key");
        this.provider = provider;
        this.timeout = timeout;
    }

    /** A client for the JDK's HTTP/1.1 (WireMock and some proxies mishandle h2c). */
    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    JsonNode get(String path) {
        return json("GET", path, send("GET", path, request(path).GET()));
    }

    String getText(String path) {
        return send("GET", path, request(path).GET());
    }

    /**
     * The first non-blank line of a text answer, read without downloading the rest; empty when there is none.
     */
    Optional<String> firstLine(String path) {
        HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw RetriableFailure.noConnection(where("GET", path) + ": " + scrub(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RetriableFailure.noConnection(where("GET", path) + ": interrupted");
        }
        try (java.util.stream.Stream<String> lines = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw failure("GET", path, response.statusCode(), response.headers(), "");
            }
            return lines.filter(l -> !l.isBlank()).findFirst();
        } catch (UncheckedIOException e) {
            throw RetriableFailure.noConnection(where("GET", path) + ": " + scrub(String.valueOf(e.getMessage())));
        }
    }

    JsonNode post(String path, JsonNode body) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return json("POST", path, send("POST", path, request));
    }

    /** A multipart form post of text fields and one file. */
    JsonNode postFile(String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "dragoman-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        fields.forEach((name, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/jsonl\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return json("POST", path, send("POST", path, request));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        headers.forEach(builder::header);
        return builder;
    }

    private String send(String method, String path, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw RetriableFailure.noConnection(where(method, path) + ": " + scrub(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RetriableFailure.noConnection(where(method, path) + ": interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        throw failure(method, path, status, response.headers(), response.body());
    }

    private ModelFailure failure(
            String method, String path, int status, java.net.http.HttpHeaders headers, String body) {
        String message = where(method, path) + ": HTTP " + status + quote(body);
        if (status == 429 || status == 529 || status >= 500) {
            Optional<Duration> after = headers.firstValue("retry-after").flatMap(BatchHttp::seconds);
            return new RetriableFailure(message, status, after, null);
        }
        return new PermanentFailure(message, status, null);
    }

    private JsonNode json(String method, String path, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new RetriableFailure(
                    where(method, path) + ": the answer is not JSON" + quote(body), 0, Optional.empty(), null);
        }
    }

    private String where(String method, String path) {
        return provider + " batch API, " + method + " " + path.replaceAll("\\?.*", "");
    }

    /** The provider's own error message, shortened and without the key. */
    private String quote(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.path("message").isTextual()) {
                text = error.path("message").asText();
            }
        } catch (IOException | UncheckedIOException e) {
            // not JSON: quote the text
        }
        text = scrub(text.strip().replaceAll("\\s+", " "));
        return " (" + (text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "…" : text) + ")";
    }

    /** The text with the key, if it is in there, replaced by {@code ***}. */
    String scrub(String text) {
        return key.filter(k -> !k.isEmpty()).map(k -> text.replace(k, "***")).orElse(text);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
