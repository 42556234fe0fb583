package io.dragoman.core.golden;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.dragoman.core.golden.ReplyPlan.Content;
import io.dragoman.core.golden.ReplyPlan.Task;
import io.dragoman.core.golden.ReplyPlan.Transport;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.soak.ModelWire;
import io.dragoman.core.testing.StandInReplies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension standing in for OpenAI's chat completions API on 127.0.0.1: every reply is a function of the
 * request it answers. The {@link Script} says which article a prompt is about and what its English and its summary
 * are; the {@link ReplyPlan.Mix} decides, from a digest of the request, which transport faults its sends get and how
 * its reply is wrong. Counts every send by the request it carries, so the n-th send of a request gets the plan's n-th
 * answer whatever else is in flight. Thread-safe.
 */
final class StandInModel implements ResponseDefinitionTransformerV2 {

    /** The protocol the stand-in speaks. */
    static final ProviderKind KIND = ProviderKind.OPENAI;

    /**
     * Who a request is about, and what the stand-in answers about it.
     *
     * @param label the article's id, for the request log
     * @param english the English of each source unit, as the prompts hold them
     * @param summary a valid summary object
     * @param wrongSchema valid JSON that is not a summary object
     */
    record Subject(String label, Map<String, String> english, String summary, String wrongSchema) {}

    /** Finds the article a prompt is about. */
    @FunctionalInterface
    interface Script {
        Optional<Subject> subject(String user);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIRST_NUMBER = Pattern.compile("(?m)^(\\[(?:T|D|\\d{1,4})] \\D*)(\\d+)");
    private static final String REJECTED = "{\"error\":{\"message\":\"This model's maximum context length is 128000"
            + " tokens; your messages resulted in 131072 tokens.\",\"type\":\"invalid_request_error\",\"param\":"
            + "\"messages\",\"code\":\"context_length_exceeded\"}}";

    private final ReplyPlan.Mix mix;
    private final Script script;
    private final Instant now;
    private final int timeoutDelayMs;
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final Map<String, String> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

    /**
     * @param mix decides each request's plan
     * @param script finds each prompt's article
     * @param now the time the client's clock shows, for {@code Retry-After} dates
     * @param timeoutDelayMs how long a reply meant to time out is held back
     */
    StandInModel(ReplyPlan.Mix mix, Script script, Instant now, int timeoutDelayMs) {
        this.mix = mix;
        this.script = script;
        this.now = now;
        this.timeoutDelayMs = timeoutDelayMs;
    }

    @Override
    public String getName() {
        return "dragoman-golden-stand-in";
    }

    /** Every distinct request seen, one line each ({@code task article digest}), sorted. */
    List<String> requestLog() {
        return requests.values().stream().sorted().toList();
    }

    /** How many sends got each fault ({@code send <fault>}) and each reply ({@code <task> <content>}). */
    Map<String, Integer> tally() {
        Map<String, Integer> copy = new TreeMap<>();
        tally.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Requests the stand-in could not make sense of; none in a good run. */
    List<String> unexpected() {
        return new ArrayList<>(unexpected);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            return answer(event.getRequest().getBodyAsString());
        } catch (RuntimeException e) {
            return unexpected("the stand-in failed on a request: " + e);
        }
    }

    private ResponseDefinition answer(String body) {
        ModelWire.Request request = ModelWire.read(KIND, body);
        Optional<Task> task = Task.of(request.user());
        Optional<Subject> subject = script.subject(request.user());
        if (task.isEmpty() || subject.isEmpty()) {
            return unexpected("a request the stand-in cannot place: " + request.user());
        }
        String digest = digest(body);
        requests.putIfAbsent(
                digest,
                task.get().name().toLowerCase(Locale.ROOT) + " " + subject.get().label() + " " + digest);
        ReplyPlan plan = mix.plan(task.get(), digest);
        int send = sends.computeIfAbsent(digest, k -> new AtomicInteger()).getAndIncrement();
        Optional<Transport> fault = plan.faultOfSend(send);
        if (fault.isPresent() && fault.get() != Transport.READ_TIMEOUT) {
            count("send " + fault.get());
            return failed(fault.get(), plan.retryAfterSeconds());
        }
        ResponseDefinitionBuilder reply = reply(request, task.get(), subject.get(), plan.content());
        if (fault.isPresent()) {
            count("send " + Transport.READ_TIMEOUT);
            return reply.withFixedDelay(timeoutDelayMs).build();
        }
        count(task.get() + " " + plan.content());
        return reply.build();
    }

    private ResponseDefinitionBuilder reply(ModelWire.Request request, Task task, Subject subject, Content content) {
        String text;
        if (task.translates()) {
            String good = StandInReplies.translation(
                    subject.english(), request.user(), content == Content.UNTRANSLATED, unexpected::add);
            text = switch (content) {
                case DROPPED_PARAGRAPH -> StandInReplies.withoutLastParagraph(good);
                case PREAMBLE -> "Here is the English translation of the article:\n\n" + good;
                case WRONG_NUMBER -> bumpFirstNumber(good);
                case TRUNCATED -> good.substring(0, good.length() / 2);
                default -> good;
            };
        } else {
            text = switch (content) {
                case INVALID_JSON -> StandInReplies.invalidJson(subject.summary());
                case WRONG_SCHEMA -> subject.wrongSchema();
                case FENCED -> "```json\n" + subject.summary() + "\n```";
                case TRUNCATED ->
                    subject.summary().substring(0, subject.summary().length() / 2);
                default -> subject.summary();
            };
        }
        return json(200)
                .withBody(ModelWire.reply(
                        KIND, text, content == Content.TRUNCATED, request.user().length() / 4, text.length() / 4 + 1));
    }

    private ResponseDefinition failed(Transport fault, int retryAfterSeconds) {
        return switch (fault) {
            case RATE_LIMITED_SECONDS ->
                error(429)
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                        .build();
            case RATE_LIMITED_DATE ->
                error(429)
                        .withHeader(
                                "Retry-After",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        now.plusSeconds(retryAfterSeconds).atOffset(ZoneOffset.UTC)))
                        .build();
            case RATE_LIMITED -> error(429).build();
            case SERVER_ERROR -> error(500).build();
            case BAD_GATEWAY -> error(502).build();
            case UNAVAILABLE -> error(503).build();
            case CONNECTION_RESET ->
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_BODY -> json(200).withBody("").build();
            case GARBAGE_BODY ->
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>Maintenance</title></head><body><h1>We'll be back soon</h1>"
                                + "</body></html>")
                        .build();
            case BAD_REQUEST -> json(400).withBody(REJECTED).build();
            case READ_TIMEOUT -> throw new AssertionError("a timeout is a delayed reply");
        };
    }

    private ResponseDefinition unexpected(String what) {
        unexpected.add(what);
        return json(400)
                .withBody("{\"error\":{\"message\":\"unexpected request\"}}")
                .build();
    }

    private void count(String what) {
        tally.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static ResponseDefinitionBuilder json(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json");
    }

    private static ResponseDefinitionBuilder error(int status) {
        return json(status).withBody(ModelWire.error(KIND, status, Optional.empty()));
    }

    /** The translation with the first number of the first unit that has one raised by one. */
    private static String bumpFirstNumber(String marked) {
        Matcher m = FIRST_NUMBER.matcher(marked);
        if (!m.find()) {
            return marked;
        }
        long raised = Long.parseLong(m.group(2)) + 1;
        return marked.substring(0, m.start(2)) + raised + marked.substring(m.end(2));
    }

    /**
     * The digest of what a request asks, as a call cache would key it: both messages, the output budget, the
     * temperature and the response format, read from the body so that the JSON layout does not count.
     */
    static String digest(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON request: " + body, e);
        }
        StringBuilder canonical = new StringBuilder();
        for (JsonNode message : root.path("messages")) {
            canonical.append(message.path("role").asText()).append('\u0000');
            canonical.append(message.path("content").toString()).append('\u0000');
        }
        canonical.append(
                root.path("max_completion_tokens").asInt(root.path("max_tokens").asInt(-1)));
        canonical.append('\u0000').append(root.path("temperature").asText());
        canonical.append('\u0000').append(root.path("response_format").toString());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
