package io.dragoman.core.llm.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.RetriableFailure;
import io.dragoman.core.llm.retry.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns whatever a LangChain4j model threw into a {@link RetriableFailure} or {@link PermanentFailure} whose message
 * says what to do. The only place that knows LangChain4j's exceptions. Messages never contain the key: the configured
 * key is masked as it is, URL-encoded and in base64 (a server or proxy may echo any of them), and so is anything in a
 * provider's error text that looks like a key.
 */
final class FailureMapper {

    private static final int EXCERPT = 300;
    private static final Pattern KEY_LIKE =
            Pattern.compile("(sk-[A-Za-z0-9_\\-*]{8,}|AIza[0-9A-Za-z_\\-]{20,}|Bearer\\s+\\S+)");

    private final ProviderConfig config;
    private final List<String> keyForms;

    FailureMapper(ProviderConfig config) {
        this.config = config;
        this.keyForms = config.apiKey().map(FailureMapper::forms).orElse(List.of());
    }

    /**
     * The key as it is, URL-encoded, and the part of its base64 (standard and URL-safe) that is the same wherever it
     * stands in the encoded text; longest first.
     */
    static List<String> forms(String key) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        forms.add(key);
        forms.add(java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));
        for (String prefix : List.of("", "x", "xy")) {
            byte[] bytes = (prefix + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (java.util.Base64.Encoder encoder :
                    List.of(java.util.Base64.getEncoder(), java.util.Base64.getUrlEncoder())) {
                String b64 = encoder.withoutPadding().encodeToString(bytes);
                // drop the characters that mix in the bytes before and after the key
                int start = prefix.isEmpty() ? 0 : 4;
                int end = b64.length() - 4;
                if (end - start >= 8) {
                    forms.add(b64.substring(start, end));
                }
            }
        }
        return forms.stream()
                .filter(f -> f.length() >= 8)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    ModelFailure map(Throwable thrown, Instant now) {
        HeaderKeepingHttpClient.ErrorResponse error = find(thrown, HeaderKeepingHttpClient.ErrorResponse.class);
        if (error != null) {
            return fromStatus(error.statusCode(), error.body(), error.headers(), now);
        }
        HttpException http = find(thrown, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), http.getMessage(), Map.of(), now);
        }
        if (find(thrown, dev.langchain4j.exception.TimeoutException.class) != null
                || find(thrown, HttpTimeoutException.class) != null
                || find(thrown, SocketTimeoutException.class) != null
                || find(thrown, java.util.concurrent.TimeoutException.class) != null) {
            return new RetriableFailure(
                    where() + " did not answer within " + human(config.readTimeout()) + ".", 0, Optional.empty(), null);
        }
        if (find(thrown, UnresolvedModelServerException.class) != null
                || find(thrown, UnresolvedAddressException.class) != null
                || find(thrown, UnknownHostException.class) != null) {
            // retriable: a name server can fail for a moment; the reachability guard gives up when it does not come
            // back
            return RetriableFailure.noConnection("The host in the base URL " + config.baseUrl() + " of "
                    + config.kind().id() + " could not be resolved: check --base-url.");
        }
        if (find(thrown, ConnectException.class) != null) {
            return RetriableFailure.noConnection(
                    "Could not connect to " + where() + ": is the server running and the base URL right?");
        }
        SSLException tls = find(thrown, SSLException.class);
        if (tls != null) {
            return RetriableFailure.noConnection("The TLS handshake with " + where() + " failed ("
                    + excerpt(tls.getMessage() == null ? tls.getClass().getSimpleName() : tls.getMessage())
                    + "): check that the base URL's scheme (https or http) and port are right.");
        }
        if (find(thrown, InterruptedException.class) != null) {
            return new RetriableFailure(
                    "The call to " + where() + " was abandoned: the run is stopping.", 0, Optional.empty(), null);
        }
        if (find(thrown, JsonProcessingException.class) != null) {
            return new RetriableFailure(
                    where() + " answered with something that is not a valid "
                            + config.kind().id()
                            + " reply (not the expected JSON): if this repeats, check that --base-url points at the"
                            + " API itself and not at a web page or proxy.",
                    0,
                    Optional.empty(),
                    null);
        }
        HeaderKeepingHttpClient.EmptyReply empty = find(thrown, HeaderKeepingHttpClient.EmptyReply.class);
        if (empty != null) {
            return new RetriableFailure(
                    where() + " answered HTTP " + empty.statusCode() + " with an empty body instead of a reply.",
                    empty.statusCode(),
                    Optional.empty(),
                    null);
        }
        IOException broken = find(thrown, IOException.class);
        if (broken != null) {
            // after the timeout, connection and JSON cases above, all of which are IOExceptions too
            return new RetriableFailure(
                    "The connection to " + where() + " was closed before a reply arrived ("
                            + excerpt(
                                    broken.getMessage() == null
                                            ? broken.getClass().getSimpleName()
                                            : broken.getMessage())
                            + "): the server or a proxy in between dropped it.",
                    0,
                    Optional.empty(),
                    null);
        }
        return new RetriableFailure(where() + " failed: " + describe(thrown) + ".", 0, Optional.empty(), null);
    }

    private ModelFailure fromStatus(int status, String body, Map<String, List<String>> headers, Instant now) {
        String detail = excerpt(body);
        String says = detail.isEmpty() ? "" : " It said: " + detail;
        if (status == 429 && body != null && body.contains("insufficient_quota")) {
            // OpenAI answers an exhausted quota with 429 too, but waiting does not refill it
            return new PermanentFailure(
                    "The quota of " + keyDescription() + " at " + config.kind().id()
                            + " is used up (HTTP 429 insufficient_quota): add credit or raise the account's limit;"
                            + " retrying will not help." + says,
                    status,
                    null);
        }
        if (status == 429 || status == 408 || status == 409 || status == 529 || (status >= 500 && status <= 599)) {
            Optional<Duration> wait = RetryAfter.from(headers, body, now);
            String what =
                    switch (status) {
                        case 429 -> "is rate limiting us";
                        case 408 -> "timed out the request";
                        case 529 -> "is overloaded";
                        default -> "had a server error";
                    };
            return new RetriableFailure(
                    where() + " " + what + " (HTTP " + status + ")"
                            + wait.map(w -> "; it asked us to wait " + human(w)).orElse("") + "." + says,
                    status,
                    wait,
                    null);
        }
        if (status >= 300 && status <= 399) {
            String location = headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Location"))
                    .flatMap(h -> h.getValue().stream())
                    .findFirst()
                    .map(l -> " to " + excerpt(l))
                    .orElse("");
            return new PermanentFailure(
                    where() + " answered with a redirect" + location + " (HTTP " + status + "). Dragoman does not"
                            + " follow redirects, which would send the article and the key to another server: set"
                            + " --base-url to the address the API really has.",
                    status,
                    null);
        }
        if (status == 401 || looksLikeRejectedKey(body)) {
            return new PermanentFailure(
                    "Authentication failed at " + config.kind().id() + " (HTTP " + status + "): " + keyDescription()
                            + " was rejected; check that it is current and belongs to this provider." + says,
                    status,
                    null);
        }
        if (status == 403) {
            return new PermanentFailure(
                    "Access denied at " + config.kind().id() + " (HTTP 403): " + keyDescription()
                            + " is not allowed to use model " + config.model() + " at " + config.baseUrl()
                            + "; check the key's permissions or choose another model with --model." + says,
                    status,
                    null);
        }
        if (status == 404) {
            return new PermanentFailure(
                    "Model " + config.model() + " or the API at " + config.baseUrl() + " was not found (HTTP 404):"
                            + " check --model and --base-url." + says,
                    status,
                    null);
        }
        return new PermanentFailure(
                where() + " rejected the request (HTTP " + status + "); it will not succeed if repeated." + says,
                status,
                null);
    }

    private static boolean looksLikeRejectedKey(String body) {
        return body != null && (body.contains("API_KEY_INVALID") || body.contains("API key not valid"));
    }

    private String keyDescription() {
        if (config.apiKey().isEmpty()) {
            return "the request without an API key";
        }
        return "the key in " + config.keySource();
    }

    private String where() {
        return config.kind().id() + " (" + config.model() + " at " + config.baseUrl() + ")";
    }

    private String describe(Throwable thrown) {
        String message = thrown.getMessage();
        String text = thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return excerpt(text);
    }

    /** The text with the key and anything key-like masked, on one line, shortened. */
    String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String form : keyForms) {
            masked = masked.replace(form, "***");
        }
        if (config.apiKey().isPresent()) {
            masked = maskFragments(masked, config.apiKey().get());
        }
        masked = KEY_LIKE.matcher(masked).replaceAll("***");
        masked = masked.replaceAll("\\s+", " ").strip();
        return masked.length() <= EXCERPT ? masked : masked.substring(0, EXCERPT) + "…";
    }

    /** Length of the shortest run of the key's characters that is masked wherever it appears, e.g. a key's tail. */
    static final int FRAGMENT = 8;

    /** The text with every run of {@value #FRAGMENT} or more characters that also stands in {@code key} masked. */
    static String maskFragments(String text, String key) {
        if (key.length() < FRAGMENT || text.length() < FRAGMENT) {
            return text;
        }
        java.util.Set<String> windows = new java.util.HashSet<>();
        for (int i = 0; i + FRAGMENT <= key.length(); i++) {
            windows.add(key.substring(i, i + FRAGMENT));
        }
        boolean[] covered = new boolean[text.length()];
        boolean any = false;
        for (int i = 0; i + FRAGMENT <= text.length(); i++) {
            if (windows.contains(text.substring(i, i + FRAGMENT))) {
                java.util.Arrays.fill(covered, i, i + FRAGMENT, true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append("***");
            }
        }
        return out.toString();
    }

    private static String human(Duration d) {
        return RetryAfter.human(d);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause();
        }
        return null;
    }
}
